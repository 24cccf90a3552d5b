/// One model parameter as users see it: name, unit, range and source.
public struct ParameterSpec: Sendable {
    /// Dotted name used in scenario `parameters:` blocks and `--parameters`.
    public let name: String
    public let unit: String
    /// Values outside this range are refused.
    public let range: ClosedRange<Double>
    /// Citation, or "assumption" with the reasoning.
    public let source: String
    public let keyPath: WritableKeyPath<ModelParameters, Double> & Sendable

    public var defaultValue: Double { ModelParameters.defaults[keyPath: keyPath] }
}

extension ModelParameters {
    /// Every tunable number of the model. `docs/model.md` lists the same
    /// table; a test keeps the two in step.
    public static let catalogue: [ParameterSpec] = [
        ParameterSpec(
            name: "course.acute.fast_share", unit: "fraction", range: 0...1,
            source: "Costa 2012 [D]: 28.0/52 of the two-exponential fit", keyPath: \.acuteCourse.fastShare),
        ParameterSpec(
            name: "course.acute.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "Costa 2012 [D]", keyPath: \.acuteCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.acute.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "Costa 2012 [D]", keyPath: \.acuteCourse.slowTimeConstant),
        ParameterSpec(
            name: "course.persistent.fast_share", unit: "fraction", range: 0...1,
            source: "Costa 2012 [D]: 21.7/51", keyPath: \.persistentCourse.fastShare),
        ParameterSpec(
            name: "course.persistent.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "Costa 2012 [D]", keyPath: \.persistentCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.persistent.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "Costa 2012 [D]", keyPath: \.persistentCourse.slowTimeConstant),
        ParameterSpec(
            name: "course.post_surgical.fast_share", unit: "fraction", range: 0...1,
            source: "assumption: about half of post-operative pain settles in the first months",
            keyPath: \.postSurgicalCourse.fastShare),
        ParameterSpec(
            name: "course.post_surgical.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "assumption", keyPath: \.postSurgicalCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.post_surgical.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "assumption", keyPath: \.postSurgicalCourse.slowTimeConstant),
        ParameterSpec(
            name: "pain.recovery_sd", unit: "log-scale SD", range: 0...3,
            source: "assumption: spread of courses between people (some do not recover)", keyPath: \.recoverySD),
        ParameterSpec(
            name: "pain.daily_sd", unit: "log-scale SD", range: 0...2,
            source: "assumption: within-person day-to-day variation of about 1 NRS point at 4-5",
            keyPath: \.dailyPainSD),
        ParameterSpec(
            name: "pain.daily_autocorrelation", unit: "correlation", range: 0...0.99,
            source: "assumption: good and bad days come in spells", keyPath: \.dailyPainAutocorrelation),
        ParameterSpec(
            name: "report.sd", unit: "log-scale SD", range: 0...2,
            source: "assumption: recall noise of a 7-day average", keyPath: \.reportSD),
    ]

    public static func spec(named name: String) -> ParameterSpec? {
        catalogue.first { $0.name == name }
    }
}
