/// An outcome on which every two policies are compared person by person.
///
/// Values are the metric's recorded integers (``Metric/scale`` turns them
/// into its unit), or fixed-point reals for continuous metrics, read once per
/// person-week by `WeekReadings` (the same values the per-policy summaries
/// record); a value undefined that week (e.g. adherence with nothing
/// prescribed) counts the person under neither policy of a pair. A yes/no
/// outcome (``Metric/isProportion``) reads 0 or 1.
///
/// Every metric of ``Metric/all`` is compared, in that order: adding a
/// metric is one entry there, one here, and one line in `WeekReadings`.
public struct PairedOutcome: Sendable {
    /// The metric whose per-person differences are accumulated.
    public let metric: Metric

    /// Every compared outcome, in ``Metric/all`` order; the same recorded
    /// values as the per-policy summaries (`OutcomeAccumulator`).
    public static let all: [PairedOutcome] = [
        .init(metric: .pain),
        .init(metric: .adherence),
        .init(metric: .retention),
        .init(metric: .disability),
        .init(metric: .sessionsDone),
        .init(metric: .load),
        .init(metric: .flareUps),
        .init(metric: .referrals),
        .init(metric: .doctorFlags),
        .init(metric: .painChange),
        .init(metric: .disabilityChange),
        .init(metric: .responder30),
        .init(metric: .responder2pt),
        .init(metric: .responder50),
        .init(metric: .aerobicMinutes),
        .init(metric: .strengthVolume),
        .init(metric: .acuteLoad),
        .init(metric: .chronicLoad),
        .init(metric: .acwrCoupled),
        .init(metric: .acwrUncoupled),
        .init(metric: .acwrEWMA),
        .init(metric: .fitness),
        .init(metric: .fatigue),
        .init(metric: .form),
        .init(metric: .referred),
        .init(metric: .painFree),
        .init(metric: .recovered),
    ]

    /// The compared outcome of `metric`, if it is compared.
    public static func of(_ metric: Metric) -> PairedOutcome? { all.first { $0.metric == metric } }

    /// Whether the outcome is yes/no (compared by risk difference).
    public var isYesNo: Bool { metric.isProportion }
}
