/// An outcome on which every two policies are compared person by person,
/// and how one person-week's value is read for it.
///
/// Values are read in the metric's recorded integers (``Metric/scale``
/// turns them into its unit), or as reals for continuous metrics; `nil`
/// means undefined that week (e.g. adherence with nothing prescribed), and
/// such a person then counts under neither policy of a pair. A yes/no
/// outcome (``Metric/isProportion``) reads 0 or 1.
///
/// Adding a compared outcome is one entry in ``all`` and one line saying
/// how to read it in `Reading`'s `integer(_:)` or `real(_:)`. The
/// readings are a switch, not closures: they run for every outcome of every
/// person-week, where a closure call's context retain and release would
/// cost more than the reading.
public struct PairedOutcome: Sendable {
    /// The metric whose per-person differences are accumulated.
    public let metric: Metric
    let reading: Reading

    /// Every compared outcome, in ``Metric/all`` order; the same recorded
    /// values as the per-policy summaries (`OutcomeAccumulator`).
    public static let all: [PairedOutcome] = [
        .init(metric: .pain, reading: .pain),
        .init(metric: .adherence, reading: .adherence),
        .init(metric: .retention, reading: .retention),
        .init(metric: .disability, reading: .disability),
        .init(metric: .sessionsDone, reading: .sessionsDone),
        .init(metric: .load, reading: .load),
        .init(metric: .flareUps, reading: .flareUps),
        .init(metric: .referrals, reading: .referrals),
        .init(metric: .doctorFlags, reading: .doctorFlags),
        .init(metric: .painChange, reading: .painChange),
        .init(metric: .disabilityChange, reading: .disabilityChange),
        .init(metric: .responder30, reading: .responder30),
        .init(metric: .responder2pt, reading: .responder2pt),
        .init(metric: .responder50, reading: .responder50),
        .init(metric: .aerobicMinutes, reading: .aerobicMinutes),
        .init(metric: .strengthVolume, reading: .strengthVolume),
        .init(metric: .acuteLoad, reading: .acuteLoad),
        .init(metric: .chronicLoad, reading: .chronicLoad),
        .init(metric: .acwrCoupled, reading: .acwrCoupled),
        .init(metric: .acwrUncoupled, reading: .acwrUncoupled),
        .init(metric: .acwrEWMA, reading: .acwrEWMA),
        .init(metric: .fitness, reading: .fitness),
        .init(metric: .fatigue, reading: .fatigue),
        .init(metric: .form, reading: .form),
        .init(metric: .referred, reading: .referred),
        .init(metric: .painFree, reading: .painFree),
        .init(metric: .recovered, reading: .recovered),
    ]

    /// The compared outcome of `metric`, if it is compared.
    public static func of(_ metric: Metric) -> PairedOutcome? { all.first { $0.metric == metric } }

    /// Whether the outcome is yes/no (compared by risk difference).
    public var isYesNo: Bool { metric.isProportion }

    /// How a person-week's value is read.
    enum Reading: Sendable {
        case pain, adherence, retention, disability, sessionsDone, load, flareUps, referrals, doctorFlags, painChange,
            disabilityChange, responder30, responder2pt, responder50, aerobicMinutes, strengthVolume, referred, painFree,
            recovered
        // Continuous: read as reals.
        case acuteLoad, chronicLoad, acwrCoupled, acwrUncoupled, acwrEWMA, fitness, fatigue, form

        var isReal: Bool { real(nil) }

        /// The value in the metric's recorded integers; nil when undefined.
        @inline(__always)
        func integer(_ o: WeekOutcome) -> Int? {
            switch self {
            case .pain: o.painReport
            case .adherence: o.week > 0 && o.sessionsPrescribed > 0 ? o.sessionsDone * 420 / o.sessionsPrescribed : nil
            case .retention: o.retained ? 1 : 0
            case .disability: o.disability
            case .sessionsDone: o.week > 0 ? o.sessionsDone : nil
            case .load: o.week > 0 ? min(Int((o.load / 10).rounded()), 1_500) : nil
            case .flareUps: min(o.flareUps, 50)
            case .referrals: min(o.referrals, 50)
            case .doctorFlags: o.doctorFlag ? 1 : 0
            case .painChange: o.painReport - o.baselineReport
            case .disabilityChange: o.disability - o.baselineDisability
            // Sustained responses (model 2): the criterion this week and the week before.
            case .responder30:
                WeekOutcome.sustained(
                    WeekOutcome.responds30, baseline: o.baselineReport, previous: o.previousPainReport,
                    report: o.painReport) ? 1 : 0
            case .responder2pt:
                WeekOutcome.sustained(
                    WeekOutcome.responds2pt, baseline: o.baselineReport, previous: o.previousPainReport,
                    report: o.painReport) ? 1 : 0
            case .responder50:
                WeekOutcome.sustained(
                    WeekOutcome.responds50, baseline: o.baselineReport, previous: o.previousPainReport,
                    report: o.painReport) ? 1 : 0
            case .aerobicMinutes: o.week > 0 ? min(Int(o.aerobicMinutes.rounded()), 600) : nil
            case .strengthVolume: o.week > 0 ? min(Int((o.strengthVolume / 5).rounded()), 1_000) : nil
            case .referred: o.referrals > 0 ? 1 : 0
            case .painFree: o.painReport == 0 ? 1 : 0
            case .recovered: o.firstPainFreeWeek > 0 ? 1 : 0
            case .acuteLoad, .chronicLoad, .acwrCoupled, .acwrUncoupled, .acwrEWMA, .fitness, .fatigue, .form: nil
            }
        }

        /// The value of a continuous outcome; nil when undefined.
        @inline(__always)
        func real(_ o: WeekOutcome) -> Double? {
            guard o.week > 0 else { return nil }
            return switch self {
            case .acuteLoad: o.loads.acuteLoad
            case .chronicLoad: o.loads.chronicLoadCoupled
            case .acwrCoupled: o.loads.ratio(.coupled)
            case .acwrUncoupled: o.loads.ratio(.uncoupled)
            case .acwrEWMA: o.loads.ratio(.ewma)
            case .fitness: o.loads.fitness
            case .fatigue: o.loads.fatigue
            case .form: o.loads.form
            default: nil
            }
        }

        /// Whether `real(_:)` reads it (a switch without an outcome).
        private func real(_: Never?) -> Bool {
            switch self {
            case .acuteLoad, .chronicLoad, .acwrCoupled, .acwrUncoupled, .acwrEWMA, .fitness, .fatigue, .form: true
            default: false
            }
        }
    }
}
