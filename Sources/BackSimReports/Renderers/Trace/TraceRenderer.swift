import BackSimCore
import Foundation

/// One simulated person's run, week by week, for reading and debugging a
/// policy: what was prescribed, what was done, what hurt, what happened, and
/// what the policy decided next and why.
public enum TraceRenderer {
    /// One person's weeks as `backsim trace` prints them; `ruleTexts` names the rules of a rule table.
    public static func render(_ trace: PersonTrace, profile: String, ruleTexts: [String] = []) -> String {
        let t = trace.traits
        var lines = [
            "BackSim trace: person \(trace.enrolledIndex)"
                + (trace.enrolledIndex == trace.person.index ? "" : " (candidate \(trace.person.index) at screening)")
                + ", replication \(trace.person.replication), seed \(trace.person.seed), policy \(trace.policy)",
            "Profile \(profile): \(t.condition.rawValue), baseline pain \(NumberText.fixed(t.baselinePain, digits: 1)) (latent), "
                + "fitness \(NumberText.fixed(t.fitness, digits: 2)), self-efficacy \(NumberText.fixed(t.selfEfficacy, digits: 2)), "
                + "fear-avoidance \(NumberText.fixed(t.fearAvoidance, digits: 2)), manages \(t.sessionsAvailable) sessions a week, "
                + (t.supervised ? "supervised" : "unsupervised")
                + (t.condition == .postSurgical ? ", cleared for resistance work from week \(t.clearanceWeek)" : ""),
            "Prognosis (latent): course class \(trace.courseClass.rawValue)"
                + (trace.courseClass == .recovering && trace.recoveryRate > 0
                    ? ", recovery time constant \(NumberText.fixed(1 / trace.recoveryRate, digits: 1)) weeks" : "")
                + ", recovery effect \(NumberText.fixed(t.recoveryEffect, digits: 2)) SD, exercise response \(NumberText.fixed(t.responseEffect, digits: 2)) SD",
            "",
        ]
        var table = TextTable([
            .init(title: "Week", alignment: .right),
            .init(title: "Prescribed (sessions × aerobic; strength; stretch)", alignment: .left),
            .init(title: "Done", alignment: .right),
            .init(title: "Load (AU)", alignment: .right),
            .init(title: "Pain", alignment: .right),
            .init(title: "Benefit", alignment: .right),
            .init(title: "Before/during/after/morning", alignment: .left),
            .init(title: "Effort", alignment: .right),
            .init(title: "Events", alignment: .left),
            .init(title: "Read by the policy", alignment: .left),
            .init(title: "Decision for next week", alignment: .left),
        ])
        let reading = PolicyReading(policy: trace.policy, ruleTexts: ruleTexts)
        for traced in trace.weeks {
            let o = traced.outcome, w = traced.observation
            var events: [String] = []
            if o.flareUpThisWeek { events.append("flare-up") }
            if w.referral { events.append("sharp pain: referral, rest next week") }
            if o.week > 0 && o.dropoutWeek == o.week { events.append("dropped out") }
            if o.doctorFlag && (o.week == 0 || !(trace.weeks[o.week - 1].outcome.doctorFlag)) { events.append("see-a-doctor flag") }
            var reason = traced.decision.reason.description
            if let rule = traced.decision.rule {
                reason = "rule \(rule + 1)" + (ruleTexts.indices.contains(rule) ? ": \(ruleTexts[rule])" : "")
            }
            table.append([
                String(o.week),
                o.week == 0 ? "baseline" : describe(w.prescription, sessions: w.sessionsPrescribed),
                o.week == 0 ? "" : "\(o.sessionsDone)/\(o.sessionsPrescribed)",
                o.week == 0 ? "" : NumberText.fixed(o.load, digits: 0),
                String(o.painReport),
                NumberText.fixed(100 * (1 - exp(-o.benefit)), digits: 1) + "%",
                sessionPain(w),
                effort(w),
                events.joined(separator: "; "),
                o.week == 0 ? "baseline \(o.painReport)" : reading.text(trace, week: o.week),
                reason,
            ])
        }
        lines += table.lines(widths: table.widths, indent: "")
        lines += [
            "",
            "Pain: the weekly report (NRS 0-10). Before/during/after/morning: highest session ratings of the week.",
            "Benefit (latent): how much lower latent pain is at the week's end because of the exercise done so far (accumulated, fading after stopping).",
            "Load: session RPE × minutes (Foster 2001). The policy saw the columns up to Events; latent traits above are for the analyst.",
            "Read by the policy: every observation its rule used for the decision (morning rise: next-morning pain minus pain before the session).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ p: Prescription, sessions: Int) -> String {
        guard sessions > 0 else { return p.isEmpty ? "no programme" : "rest (0 sessions)" }
        var parts = ["\(sessions) × \(NumberText.fixed(p.aerobic.minutes, digits: 1)) min \(p.aerobic.activity.name) @RPE \(NumberText.fixed(p.aerobic.intensity, digits: 1))"]
        if !p.strength.isEmpty {
            parts.append("\(p.strength.sets)×\(p.strength.reps) @\(NumberText.fixed(p.strength.load, digits: 2))")
        } else {
            parts.append("no strength")
        }
        if !p.stretching.isEmpty { parts.append("\(p.stretching.holds)×\(NumberText.fixed(p.stretching.seconds, digits: 0)) s") }
        return parts.joined(separator: "; ")
    }

    static func sessionPain(_ w: WeekObservation) -> String {
        var before = -1, during = -1, after = -1, morning = -1
        for index in 0..<w.sessionsPrescribed where w.sessions[index].done {
            let s = w.sessions[index]
            before = max(before, s.painBefore); during = max(during, s.painDuring)
            after = max(after, s.painAfter); morning = max(morning, s.painNextMorning)
        }
        return before < 0 ? "" : "\(before)/\(during)/\(after)/\(morning)"
    }

    static func effort(_ w: WeekObservation) -> String {
        var worst = -1
        for index in 0..<w.sessionsPrescribed where w.sessions[index].done { worst = max(worst, w.sessions[index].effort) }
        return worst < 0 ? "" : String(worst)
    }
}
