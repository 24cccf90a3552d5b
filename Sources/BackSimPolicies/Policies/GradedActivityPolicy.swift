/// `graded-activity:W`: time-contingent quotas (Lindström 1992; docs/evidence.md §5).
///
/// Week 1 is a baseline week at the starting dose, done as tolerated. The
/// quota then starts at 70% of the minutes actually done per session in that
/// week and rises linearly to the target (30 minutes, load 1.5) by week W.
/// Pain is not a reason to stop or alter the quota.
public struct GradedActivityPolicy: ProgressionPolicy {
    public let label: String
    /// Week by which the quota reaches its target.
    public let targetWeek: Int
    /// Aerobic minutes per session the quota reaches at the target week.
    public static let targetMinutes = 30.0
    /// Strength load the quota reaches at the target week (1 = starting load).
    public static let targetLoad = 1.5

    /// A policy whose quota reaches its target in `targetWeek`; the label defaults to `graded-activity:WEEK`.
    public init(targetWeek: Int = 8, label: String? = nil) {
        self.targetWeek = targetWeek
        self.label = label ?? "graded-activity:\(targetWeek)"
    }

    public struct State: Sendable, Codable {
        var startMinutes = StartingDose.seedDocument.aerobic.minutes
        var startLoad = 1.0
    }

    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(), PolicyDecision(StartingDose.seedDocument, reason: "baseline week, as tolerated"))
    }

    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        if week.week == 1 {
            // Quota starts at 70% of baseline performance (aerobic minutes per session done).
            var minutes = 0.0, done = 0
            for index in 0..<week.sessionsPrescribed where week.sessions[index].done {
                minutes += min(week.sessions[index].minutes, week.prescription.aerobic.minutes)
                done += 1
            }
            let performed = done > 0 ? minutes / Double(done) : week.prescription.aerobic.minutes * 0.5
            state.startMinutes = max(StartingDose.minimumMinutes, 0.7 * performed)
            state.startLoad = 0.7
        }
        let progress = min(1, Double(week.week) / Double(max(targetWeek - 1, 1)))
        var next = StartingDose.seedDocument
        next.aerobic.minutes = state.startMinutes + (Self.targetMinutes - state.startMinutes) * progress
        next.strength.load = state.startLoad + (Self.targetLoad - state.startLoad) * progress
        return PolicyDecision(next, reason: progress < 1 ? "quota rises on schedule" : "quota at target")
    }
}
