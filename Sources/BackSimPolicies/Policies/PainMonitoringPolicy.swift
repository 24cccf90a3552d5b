/// `pain-monitoring:L`: the pain-monitoring model (Silbernagel 2007;
/// docs/evidence.md §5, whose rule wording is unverified and so assumed).
///
/// Pain during and after exercise may reach L (default 5) of 10 and must
/// settle by the next morning (no higher than before the session); the
/// weekly report must not rise from the week before. All met: increase 10%.
/// Pain above L, or next-morning pain above pain before: reduce 20%.
/// Otherwise (including a week-to-week rise alone, or no session): hold.
public struct PainMonitoringPolicy: ProgressionPolicy {
    public let label: String
    /// Highest pain during or after a session (NRS) that still allows progress.
    public let allowedPain: Int

    /// A policy with the given pain limit; the label defaults to `pain-monitoring:LIMIT`.
    public init(allowedPain: Int = 5, label: String? = nil) {
        self.allowedPain = allowedPain
        self.label = label ?? "pain-monitoring:\(allowedPain)"
    }

    public struct State: Sendable, Codable {
        var dose: Prescription
        var lastReport: Int
    }

    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(dose: StartingDose.seedDocument, lastReport: baseline.painReport),
         PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        defer { state.lastReport = week.painReport }
        let allowed = allowedPain
        let tooMuch = week.someDoneSession {
            $0.painDuring > allowed || $0.painAfter > allowed || $0.painNextMorning > $0.painBefore
        }
        if tooMuch {
            state.dose = state.dose.scaled(by: 0.8)
            return PolicyDecision(state.dose, reason: "pain over the limit or not settled next morning: reduce")
        }
        guard week.anySessionDone else { return PolicyDecision(state.dose, reason: "no session done: hold") }
        guard week.painReport <= state.lastReport else {
            return PolicyDecision(state.dose, reason: "weekly pain rose: hold")
        }
        state.dose = state.dose.scaled(by: 1.1)
        return PolicyDecision(state.dose, reason: "within limits and settled: increase")
    }
}
