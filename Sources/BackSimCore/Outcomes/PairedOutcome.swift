/// An outcome on which every two policies are compared person by person,
/// and how one person-week's value is read for it.
///
/// Values are read in the metric's recorded integers (``Metric/scale``
/// turns them into its unit), or as reals for continuous metrics; `nil`
/// means undefined that week (e.g. adherence with nothing prescribed), and
/// such a person then counts under neither policy of a pair. A yes/no
/// outcome (``Metric/isProportion``) reads 0 or 1.
///
/// Adding a compared outcome is one line in ``all``.
public struct PairedOutcome: Sendable {
    public let metric: Metric
    let read: Reader

    enum Reader: Sendable {
        case integer(@Sendable (WeekOutcome) -> Int?)
        case real(@Sendable (WeekOutcome) -> Double?)
    }

    init(_ metric: Metric, integer read: @escaping @Sendable (WeekOutcome) -> Int?) {
        self.metric = metric
        self.read = .integer(read)
    }

    init(_ metric: Metric, real read: @escaping @Sendable (WeekOutcome) -> Double?) {
        self.metric = metric
        self.read = .real(read)
    }

    /// Every compared outcome, in ``Metric/all`` order; the same recorded
    /// values as the per-policy summaries (`OutcomeAccumulator`).
    public static let all: [PairedOutcome] = [
        .init(.pain) { $0.painReport },
        .init(.adherence) { $0.week > 0 && $0.sessionsPrescribed > 0 ? $0.sessionsDone * 420 / $0.sessionsPrescribed : nil },
        .init(.retention) { $0.retained ? 1 : 0 },
        .init(.disability) { $0.disability },
        .init(.sessionsDone) { $0.week > 0 ? $0.sessionsDone : nil },
        .init(.load) { $0.week > 0 ? min(Int(($0.load / 10).rounded()), 1_500) : nil },
        .init(.flareUps) { min($0.flareUps, 50) },
        .init(.referrals) { min($0.referrals, 50) },
        .init(.doctorFlags) { $0.doctorFlag ? 1 : 0 },
        .init(.painChange) { $0.painReport - $0.baselineReport },
        .init(.disabilityChange) { $0.disability - $0.baselineDisability },
        .init(.responder30) { WeekOutcome.responds30(baseline: $0.baselineReport, report: $0.painReport) ? 1 : 0 },
        .init(.responder2pt) { $0.baselineReport - $0.painReport >= 2 ? 1 : 0 },
        .init(.responder50) { $0.baselineReport > 0 && 2 * ($0.baselineReport - $0.painReport) >= $0.baselineReport ? 1 : 0 },
        .init(.aerobicMinutes) { $0.week > 0 ? min(Int($0.aerobicMinutes.rounded()), 600) : nil },
        .init(.strengthVolume) { $0.week > 0 ? min(Int(($0.strengthVolume / 5).rounded()), 1_000) : nil },
        .init(.acuteLoad, real: { $0.week > 0 ? $0.loads.acuteLoad : nil }),
        .init(.chronicLoad, real: { $0.week > 0 ? $0.loads.chronicLoadCoupled : nil }),
        .init(.acwrCoupled, real: { $0.week > 0 ? $0.loads.ratio(.coupled) : nil }),
        .init(.acwrUncoupled, real: { $0.week > 0 ? $0.loads.ratio(.uncoupled) : nil }),
        .init(.acwrEWMA, real: { $0.week > 0 ? $0.loads.ratio(.ewma) : nil }),
        .init(.fitness, real: { $0.week > 0 ? $0.loads.fitness : nil }),
        .init(.fatigue, real: { $0.week > 0 ? $0.loads.fatigue : nil }),
        .init(.form, real: { $0.week > 0 ? $0.loads.form : nil }),
        .init(.referred) { $0.referrals > 0 ? 1 : 0 },
    ]

    /// The compared outcome of `metric`, if it is compared.
    public static func of(_ metric: Metric) -> PairedOutcome? { all.first { $0.metric == metric } }

    /// Whether the outcome is yes/no (compared by risk difference).
    public var isYesNo: Bool { metric.isProportion }
}
