/// Every number of the model, with the defaults BackSim ships.
///
/// Each field is documented in ``ModelParameters/catalogue`` with its unit,
/// plausible range and source, and in `docs/model.md`. Scenario files
/// override fields by their catalogue name.
public struct ModelParameters: Equatable, Sendable {
    // Natural history (no exercise), by condition.
    public var acuteCourse = RecoveryCurve(fastShare: 28.0 / 52, fastTimeConstant: 2.5, slowTimeConstant: 37.5)
    public var persistentCourse = RecoveryCurve(fastShare: 21.7 / 51, fastTimeConstant: 3.8, slowTimeConstant: 213.6)
    public var chronicCourse = RecoveryCurve.flat
    public var postSurgicalCourse = RecoveryCurve(fastShare: 0.45, fastTimeConstant: 4, slowTimeConstant: 500)

    /// Log-scale SD of the person effect on recovery, reached once the
    /// condition's curve has fully resolved.
    public var recoverySD = 0.6
    /// Log-scale SD of day-to-day pain fluctuation.
    public var dailyPainSD = 0.25
    /// Lag-1 autocorrelation of daily fluctuation (good and bad spells).
    public var dailyPainAutocorrelation = 0.5
    /// Log-scale SD of recall noise in the weekly report.
    public var reportSD = 0.10

    public init() {}

    public static let defaults = ModelParameters()

    public func course(for condition: Condition) -> RecoveryCurve {
        switch condition {
        case .acute: acuteCourse
        case .persistent: persistentCourse
        case .chronic: chronicCourse
        case .postSurgical: postSurgicalCourse
        }
    }
}
