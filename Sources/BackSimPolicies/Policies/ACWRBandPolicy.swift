/// `acwr-band:D`: keep the acute:chronic workload ratio within 0.8-1.3
/// (Gabbett 2016), D naming the definition (`coupled`, `uncoupled`, `ewma`;
/// default `ewma`), computed from observed session loads only.
///
/// Above the band: reduce the dose 10%. Below it: increase 10%. Inside: +5%.
/// While the ratio is undefined (no load yet): hold. The ratio is contested
/// (Impellizzeri 2020; Lolli 2019), which is why the definition is a choice
/// (docs/evidence.md §5).
public struct ACWRBandPolicy: ProgressionPolicy {
    public let label: String
    /// Which acute:chronic ratio the band applies to.
    public let definition: ACWRDefinition
    /// The ratio band to stay in (default 0.8-1.3).
    public let band: ClosedRange<Double>

    /// A policy with the given ratio definition and band; the label defaults to `acwr-band:DEFINITION`.
    public init(definition: ACWRDefinition = .ewma, band: ClosedRange<Double> = 0.8...1.3, label: String? = nil) {
        self.definition = definition
        self.band = band
        self.label = label ?? "acwr-band:\(definition.rawValue)"
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
        guard let ratio = state.history.ratio(definition) else {
            return PolicyDecision(state.dose, reason: "no load yet: ratio undefined, hold")
        }
        if ratio > band.upperBound {
            state.dose = state.dose.scaled(by: 0.9)
            return PolicyDecision(state.dose, reason: "ratio above the band: reduce 10%")
        }
        if ratio < band.lowerBound {
            state.dose = state.dose.scaled(by: 1.1)
            return PolicyDecision(state.dose, reason: "ratio below the band: increase 10%")
        }
        state.dose = state.dose.scaled(by: 1.05)
        return PolicyDecision(state.dose, reason: "ratio within the band: increase 5%")
    }
}
