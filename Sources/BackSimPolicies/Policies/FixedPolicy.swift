/// `fixed`: the starting dose, never progressed.
public struct FixedPolicy: ProgressionPolicy {
    public let label: String
    /// The dose prescribed every week.
    public let dose: Prescription

    /// A policy prescribing `dose` every week.
    public init(label: String = "fixed", dose: Prescription = StartingDose.seedDocument) {
        self.label = label
        self.dose = dose
    }

    public func start(_ baseline: BaselineObservation) -> (NoState, PolicyDecision) {
        (NoState(), PolicyDecision(dose, reason: "starting dose"))
    }

    @inlinable
    public func decide(after week: WeekObservation, state: inout NoState) -> PolicyDecision {
        PolicyDecision(dose, reason: "dose never changes")
    }
}
