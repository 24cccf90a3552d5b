/// The vocabulary a rule table may read: what an app sees after a week,
/// summarised over the week's done sessions (0 when none was done).
public enum RuleObservation: String, CaseIterable, Sendable {
    /// Week number, from 1.
    case week
    /// This week's pain report, NRS 0-10.
    case pain
    /// The baseline (week 0) report.
    case baseline
    /// Last week's report (the baseline in week 1).
    case lastPain = "last_pain"
    /// Highest rating over the week's done sessions.
    case painBefore = "pain_before"
    /// Highest pain during a done session this week.
    case painDuring = "pain_during"
    /// Highest pain after a done session this week.
    case painAfter = "pain_after"
    /// Highest next-morning pain after a done session this week.
    case nextMorningPain = "next_morning_pain"
    /// Largest rise from before a session to the next morning (0 if settled).
    case morningRise = "morning_rise"
    /// Highest session RPE, 0-10.
    case effort
    /// Sessions done this week.
    case sessionsDone = "sessions_done"
    /// Sessions prescribed this week.
    case sessionsPrescribed = "sessions_prescribed"
    /// Done sessions that included strength work.
    case strengthSessions = "strength_sessions"
    /// Fewest sets completed in a done strength session.
    case setsCompleted = "sets_completed"
    /// Fewest reps in any working set of a done strength session.
    case lowestReps = "lowest_reps"
    /// The week's prescription.
    case targetSets = "target_sets"
    /// Target reps per set prescribed this week.
    case targetReps = "target_reps"
    /// Aerobic minutes per session prescribed this week.
    case minutes
    /// Strength load prescribed this week (1 = starting load).
    case load
    /// Sessions a week prescribed this week.
    case sessions
    /// 1 if a safety rule fired (sharp or radiating pain).
    case referral

    /// What the observation means, for `backsim policies` and error messages.
    public var summary: String {
        switch self {
        case .week: "week number, from 1"
        case .pain: "this week's pain report, NRS 0-10"
        case .baseline: "baseline (week 0) pain report"
        case .lastPain: "last week's pain report (baseline in week 1)"
        case .painBefore: "highest pain before a done session"
        case .painDuring: "highest pain during a done session"
        case .painAfter: "highest pain after a done session"
        case .nextMorningPain: "highest next-morning pain after a done session"
        case .morningRise: "largest rise from before a session to the next morning (0 if settled)"
        case .effort: "highest session RPE, 0-10"
        case .sessionsDone: "sessions done this week"
        case .sessionsPrescribed: "sessions prescribed this week"
        case .strengthSessions: "done sessions that included strength work"
        case .setsCompleted: "fewest sets completed in a done strength session"
        case .lowestReps: "fewest reps in a working set of a done strength session"
        case .targetSets: "sets prescribed this week"
        case .targetReps: "reps prescribed this week"
        case .minutes: "aerobic minutes per session prescribed this week"
        case .load: "strength load prescribed this week (1 = starting load)"
        case .sessions: "sessions a week prescribed this week"
        case .referral: "1 if sharp or radiating pain stopped a session"
        }
    }
}

/// A week's observations as numbers, computed once per decision without allocating.
struct RuleInputs {
    var values = InlineArray<21, Double>(repeating: 0)

    init(week: WeekObservation, lastPain: Int) {
        var before = 0, during = 0, after = 0, morning = 0, rise = 0, effort = 0
        var strength = 0, sets = Int.max, reps = Int.max
        for index in 0..<week.sessionsPrescribed where week.sessions[index].done {
            let s = week.sessions[index]
            before = max(before, s.painBefore)
            during = max(during, s.painDuring)
            after = max(after, s.painAfter)
            morning = max(morning, s.painNextMorning)
            rise = max(rise, s.painNextMorning - s.painBefore)
            effort = max(effort, s.effort)
            if s.setsCompleted > 0 {
                strength += 1
                sets = min(sets, s.setsCompleted)
                reps = min(reps, s.lowestReps)
            }
        }
        let p = week.prescription
        func set(_ key: RuleObservation, _ value: Double) { values[key.index] = value }
        set(.week, Double(week.week))
        set(.pain, Double(week.painReport))
        set(.baseline, Double(week.baselinePainReport))
        set(.lastPain, Double(lastPain))
        set(.painBefore, Double(before))
        set(.painDuring, Double(during))
        set(.painAfter, Double(after))
        set(.nextMorningPain, Double(morning))
        set(.morningRise, Double(rise))
        set(.effort, Double(effort))
        set(.sessionsDone, Double(week.sessionsDone))
        set(.sessionsPrescribed, Double(week.sessionsPrescribed))
        set(.strengthSessions, Double(strength))
        set(.setsCompleted, strength > 0 ? Double(sets) : 0)
        set(.lowestReps, strength > 0 ? Double(reps) : 0)
        set(.targetSets, Double(p.strength.sets))
        set(.targetReps, Double(p.strength.reps))
        set(.minutes, p.aerobic.minutes)
        set(.load, p.strength.load)
        set(.sessions, Double(p.sessionsPerWeek))
        set(.referral, week.referral ? 1 : 0)
    }

    subscript(_ key: RuleObservation) -> Double { values[key.index] }
}

extension RuleObservation {
    /// Position in ``RuleInputs`` (declaration order). A switch, not a table
    /// lookup: it runs for every observation a rule reads, every week.
    var index: Int {
        switch self {
        case .week: 0
        case .pain: 1
        case .baseline: 2
        case .lastPain: 3
        case .painBefore: 4
        case .painDuring: 5
        case .painAfter: 6
        case .nextMorningPain: 7
        case .morningRise: 8
        case .effort: 9
        case .sessionsDone: 10
        case .sessionsPrescribed: 11
        case .strengthSessions: 12
        case .setsCompleted: 13
        case .lowestReps: 14
        case .targetSets: 15
        case .targetReps: 16
        case .minutes: 17
        case .load: 18
        case .sessions: 19
        case .referral: 20
        }
    }
}
