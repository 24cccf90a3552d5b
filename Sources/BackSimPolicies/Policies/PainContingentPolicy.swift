/// `pain-contingent:T`: progress 10% while pain stays at or under T (session
/// pain during and after, and the weekly report); regress 10% above it.
///
/// Source: Macedo 2010 (no evidence that it beats time-contingent progression;
/// docs/evidence.md §5).
public struct PainContingentPolicy: ProgressionPolicy {
    public let label: String
    /// Highest acceptable pain, NRS 0-10.
    public let threshold: Int

    /// A policy with the given pain threshold (NRS); the label defaults to `pain-contingent:THRESHOLD`.
    public init(threshold: Int = 4, label: String? = nil) {
        self.threshold = threshold
        self.label = label ?? "pain-contingent:\(threshold)"
    }

    public func start(_ baseline: BaselineObservation) -> (Prescription, PolicyDecision) {
        (StartingDose.seedDocument, PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state current: inout Prescription) -> PolicyDecision {
        let limit = threshold
        if week.painReport > limit || week.someDoneSession({ $0.painDuring > limit || $0.painAfter > limit }) {
            current = current.scaled(by: 0.9)
            return PolicyDecision(current, reason: "pain above threshold: regress")
        }
        guard week.anySessionDone else { return PolicyDecision(current, reason: "no session done: hold") }
        current = current.scaled(by: 1.1)
        return PolicyDecision(current, reason: "pain at or under threshold: progress")
    }
}
