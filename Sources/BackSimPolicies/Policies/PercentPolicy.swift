/// `percent:P`: raise aerobic minutes and strength load by P% every week,
/// whatever happens, up to the shared limits (the "10% rule" and faster).
///
/// Source: Buist 2008 (10% rule, no injury benefit in novice runners) and
/// Nielsen 2014 (> 30%/week linked to more overuse injuries); docs/evidence.md §5.
public struct PercentPolicy: ProgressionPolicy {
    public let label: String
    /// Weekly increase, percent.
    public let percent: Double

    /// A policy raising minutes and load by `percent` every week; the label defaults to `percent:PERCENT`.
    public init(percent: Double = 10, label: String? = nil) {
        self.percent = percent
        self.label = label ?? "percent:\(percent.compactText)"
    }

    public func start(_ baseline: BaselineObservation) -> (Prescription, PolicyDecision) {
        (StartingDose.seedDocument, PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state current: inout Prescription) -> PolicyDecision {
        current = current.scaled(by: 1 + percent / 100)
        return PolicyDecision(current, reason: "weekly increase")
    }
}
