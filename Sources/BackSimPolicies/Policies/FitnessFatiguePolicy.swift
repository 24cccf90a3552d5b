/// `fitness-fatigue:B`: progress while form stays within bounds
/// (Banister fitness-fatigue, docs/evidence.md §5), computed from observed
/// session loads only with the software convention τ1 = 42 d, τ2 = 7 d.
///
/// Relative form = (fitness − fatigue) / fitness. At or above −B% (default
/// 30): increase 10%. Below: reduce 10%. While fitness is zero: hold.
public struct FitnessFatiguePolicy: ProgressionPolicy {
    public let label: String
    /// Lowest acceptable relative form, as a fraction (0.3 = −30%).
    public let lowerBound: Double

    /// A policy that progresses while form stays at or above −`lowerBoundPercent`% of fitness; the label defaults to `fitness-fatigue:PERCENT`.
    public init(lowerBoundPercent: Double = 30, label: String? = nil) {
        self.lowerBound = lowerBoundPercent / 100
        self.label = label ?? "fitness-fatigue:\(lowerBoundPercent.compactText)"
    }

    public struct State: Sendable, Codable {
        var dose: Prescription
        var history = LoadHistory()
    }

    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(dose: StartingDose.seedDocument), PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        state.history.append(week)
        guard state.history.fitness > 0 else {
            return PolicyDecision(state.dose, reason: "no load yet: hold")
        }
        let relativeForm = state.history.form / state.history.fitness
        if relativeForm < -lowerBound {
            state.dose = state.dose.scaled(by: 0.9)
            return PolicyDecision(state.dose, reason: "form below the bound: reduce 10%")
        }
        state.dose = state.dose.scaled(by: 1.1)
        return PolicyDecision(state.dose, reason: "form within bounds: increase 10%")
    }
}
