public import BackSimPolicies

/// "+5 minutes a week while pain after sessions stays at or under 3."
///
/// Starts from the seed document's dose. After a week in which at least one
/// session was done and every done session left pain after it at or under
/// `painLimit`, adds `step` aerobic minutes (up to 60); otherwise holds.
/// It progresses from what it *requested*, so a rest week imposed by a
/// safety rule does not reset the programme.
public struct PainGuidedPolicy: ProgressionPolicy {
    /// Highest pain after a session (NRS) that still allows progress.
    public let painLimit: Int
    /// Minutes added per week of progress.
    public let step: Double

    /// A policy with the team's defaults: pain after ≤ 3, +5 minutes.
    public init(painLimit: Int = 3, step: Double = 5) {
        self.painLimit = painLimit
        self.step = step
    }

    /// Shown in every output.
    public var label: String { "pain-guided" }

    /// The dose to ask for next week; `Codable`, so an app can save it.
    public struct State: Sendable, Codable, Equatable {
        /// The current dose.
        public var dose: Prescription
    }

    /// Starts at the seed document's dose.
    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(dose: StartingDose.seedDocument), PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    /// Progresses while every done session's pain after stays at or under the limit.
    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        state.dose = week.requested
        let limit = painLimit
        guard week.everyDoneSession({ $0.painAfter <= limit }) else {
            return PolicyDecision(state.dose, reason: "pain after sessions above the limit, or none done: hold")
        }
        state.dose.aerobic.minutes = min(state.dose.aerobic.minutes + step, StartingDose.maximumMinutes)
        return PolicyDecision(state.dose, reason: "pain after sessions within the limit: +5 minutes")
    }
}
