import BackSimCore

/// What a policy's rule read from one week's observations, as the trace's
/// "Read by the policy" column shows it: every observation behind the
/// decision, including those the session columns summarise away (the rise
/// from before a session to the next morning behind "not settled next
/// morning", last week's report behind "weekly pain rose", the ratio behind
/// an ACWR band decision).
///
/// Built-in policies are recognised by their name; a rule table reads the
/// observations its rules name (docs/scenarios.md, rule-table vocabulary).
struct PolicyReading {
    let policy: String
    let ruleTexts: [String]

    /// The observations read after week `index` of `trace` (index ≥ 1).
    func text(_ trace: PersonTrace, week index: Int) -> String {
        let w = trace.weeks[index].observation, o = trace.weeks[index].outcome
        let last = trace.weeks[index - 1].observation.painReport
        let s = SessionValues(w)
        let name = policy.split(separator: ":", maxSplits: 1).first.map(String.init) ?? policy
        let value = policy.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
        switch name {
        case "control": return ""
        case "fixed", "percent": return "nothing (time-contingent)"
        case "graded-activity":
            return "week \(w.week) of the schedule" + (w.week == 1 ? "; minutes done per session \(NumberText.fixed(s.minutesDone, digits: 1))" : "")
        case "pain-contingent":
            let limit = value ?? "4"
            return "weekly \(w.painReport), during \(s.during), after \(s.after) (each ≤ \(limit)); sessions done \(w.sessionsDone)"
        case "pain-monitoring":
            let limit = value ?? "5"
            return "during \(s.during), after \(s.after) (≤ \(limit)); morning rise \(signed(s.rise))\(s.riseDetail); "
                + "weekly \(w.painReport) vs last \(last); sessions done \(w.sessionsDone)"
        case "double-progression":
            return "strength sessions \(s.strength); sets done ≥ \(s.strength > 0 ? String(s.sets) : "–") of \(w.prescription.strength.sets), "
                + "lowest reps \(s.strength > 0 ? String(s.reps) : "–") of \(w.prescription.strength.reps)"
        case "acwr-band":
            let definition = ACWRDefinition(rawValue: value ?? "ewma") ?? .ewma
            return "ACWR (\(definition.rawValue), observed load) " + (o.loads.ratio(definition).map { NumberText.fixed($0, digits: 2) } ?? "undefined")
                + " (band 0.8-1.3)"
        case "fitness-fatigue":
            let fitness = o.loads.fitness
            let relative = fitness > 0 ? NumberText.fixed(100 * o.loads.form / fitness, digits: 1) + "%" : "undefined"
            return "form/fitness \(relative) (bound −\(value ?? "30")%); fitness \(NumberText.fixed(fitness, digits: 1)), form \(NumberText.fixed(o.loads.form, digits: 1))"
        case "rpe":
            return "mean session RPE " + (s.done > 0 ? NumberText.fixed(Double(s.effortSum) / Double(s.done), digits: 2) : "–")
                + " (target \(value ?? "6.5") ± 0.5)"
        case "guideline":
            return "after − before \(signed(s.afterRise)), during \(s.during) (discomfort: ≥ +2 or ≥ 7); sessions done \(w.sessionsDone)/\(w.sessionsPrescribed); "
                + "lowest reps \(s.strength > 0 ? String(s.reps) : "–") of \(w.prescription.strength.reps)"
        default:
            return ruleTable(w, last: last, s)
        }
    }

    /// A rule table: every observation its rules name, with its value.
    private func ruleTable(_ w: WeekObservation, last: Int, _ s: SessionValues) -> String {
        let words = Set(ruleTexts.flatMap { $0.split(whereSeparator: { !($0.isLetter || $0 == "_") }).map(String.init) })
        let values: [(String, String)] = [
            ("week", "\(w.week)"), ("pain", "\(w.painReport)"), ("baseline", "\(w.baselinePainReport)"), ("last_pain", "\(last)"),
            ("pain_before", "\(s.before)"), ("pain_during", "\(s.during)"), ("pain_after", "\(s.after)"),
            ("next_morning_pain", "\(s.morning)"), ("morning_rise", "\(max(0, s.rise))"), ("effort", "\(s.effort)"),
            ("sessions_done", "\(w.sessionsDone)"), ("sessions_prescribed", "\(w.sessionsPrescribed)"),
            ("strength_sessions", "\(s.strength)"), ("sets_completed", "\(s.strength > 0 ? s.sets : 0)"),
            ("lowest_reps", "\(s.strength > 0 ? s.reps : 0)"), ("target_sets", "\(w.prescription.strength.sets)"),
            ("target_reps", "\(w.prescription.strength.reps)"), ("minutes", NumberText.fixed(w.prescription.aerobic.minutes, digits: 1)),
            ("load", NumberText.fixed(w.prescription.strength.load, digits: 2)), ("sessions", "\(w.prescription.sessionsPerWeek)"),
            ("referral", w.referral ? "1" : "0"),
        ]
        return values.filter { words.contains($0.0) }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// The week's done sessions, reduced as the policies reduce them.
    struct SessionValues {
        var before = 0, during = 0, after = 0, morning = 0, effort = 0, effortSum = 0, done = 0
        var rise = Int.min, riseDetail = "", afterRise = Int.min
        var strength = 0, sets = Int.max, reps = Int.max
        var minutesDone = 0.0

        init(_ w: WeekObservation) {
            var minutes = 0.0
            for index in 0..<w.sessionsPrescribed where w.sessions[index].done {
                let s = w.sessions[index]
                done += 1
                before = max(before, s.painBefore)
                during = max(during, s.painDuring)
                after = max(after, s.painAfter)
                morning = max(morning, s.painNextMorning)
                effort = max(effort, s.effort)
                effortSum += s.effort
                minutes += min(s.minutes, w.prescription.aerobic.minutes)
                if s.painNextMorning - s.painBefore > rise {
                    rise = s.painNextMorning - s.painBefore
                    riseDetail = " (session \(index + 1): before \(s.painBefore) → morning \(s.painNextMorning))"
                }
                afterRise = max(afterRise, s.painAfter - s.painBefore)
                if s.setsCompleted > 0 {
                    strength += 1
                    sets = min(sets, s.setsCompleted)
                    reps = min(reps, s.lowestReps)
                }
            }
            if done == 0 { rise = 0; afterRise = 0 }
            minutesDone = done > 0 ? minutes / Double(done) : 0
        }
    }
}
