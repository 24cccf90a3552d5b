/// An outcome reported per policy and week.
///
/// Values are recorded as integers in a count histogram (exact, so results
/// do not depend on the order in which people are merged); `scale` turns the
/// recorded integer into the metric's unit.
public struct Metric: Hashable, Sendable {
    /// Name in outputs (`pain`, `adherence`, ...).
    public let name: String
    /// Unit in outputs.
    public let unit: String
    /// Recorded integers span this range.
    public let recordedRange: ClosedRange<Int>
    /// Metric value = recorded integer × scale.
    public let scale: Double
    /// Whether each person-week is a yes/no (intervals by Wilson's method)
    /// or a quantity (t-based intervals).
    public let isProportion: Bool
    /// Recorded as exact fixed-point moments (10⁻⁶ of the unit) instead of
    /// a histogram: mean, SD and intervals, no quantiles.
    public let isContinuous: Bool

    /// A metric; see the static members for the built-in ones.
    public init(
        name: String, unit: String, recordedRange: ClosedRange<Int>, scale: Double = 1, isProportion: Bool = false,
        isContinuous: Bool = false
    ) {
        self.name = name
        self.unit = unit
        self.recordedRange = recordedRange
        self.scale = scale
        self.isProportion = isProportion
        self.isContinuous = isContinuous
    }

    static func continuous(_ name: String, unit: String) -> Metric {
        Metric(name: name, unit: unit, recordedRange: 0...0, isContinuous: true)
    }

    /// Reported average pain over the past 7 days, NRS 0-10.
    public static let pain = Metric(name: "pain", unit: "NRS 0-10", recordedRange: 0...10)
    /// Share of prescribed sessions done per person-week, recorded in 1/420ths
    /// (420 is the least common multiple of 1…7, so every share is exact).
    public static let adherence = Metric(name: "adherence", unit: "share 0-1", recordedRange: 0...420, scale: 1.0 / 420)
    /// 1 if the person has not dropped out.
    public static let retention = Metric(name: "retention", unit: "share 0-1", recordedRange: 0...1, isProportion: true)

    /// Disability (Oswestry-like), 0-100.
    public static let disability = Metric(name: "disability", unit: "points 0-100", recordedRange: 0...100)
    /// Sessions done in the week (0-7), among everyone.
    public static let sessionsDone = Metric(name: "sessions_done", unit: "sessions/week", recordedRange: 0...7)
    /// Weekly session-RPE × minutes load (Foster 2001), recorded to the
    /// nearest 10 AU and capped at 15,000 AU.
    public static let load = Metric(name: "load", unit: "AU/week", recordedRange: 0...1_500, scale: 10)
    /// Flare-ups per person so far (cumulative; recorded up to 50).
    public static let flareUps = Metric(name: "flare_ups", unit: "count", recordedRange: 0...50)
    /// Referrals after sharp or radiating pain so far (cumulative; up to 50).
    public static let referrals = Metric(name: "referrals", unit: "count", recordedRange: 0...50)
    /// 1 once a see-a-doctor flag has been raised.
    public static let doctorFlags = Metric(name: "doctor_flags", unit: "share 0-1", recordedRange: 0...1, isProportion: true)
    /// Reported pain minus the baseline report, per person, NRS points.
    public static let painChange = Metric(name: "pain_change", unit: "NRS points", recordedRange: -10...10)
    /// Disability minus baseline disability, per person, points.
    public static let disabilityChange = Metric(name: "disability_change", unit: "points", recordedRange: -100...100)
    /// Sustained ≥30% less pain than at baseline (IMMPACT "moderate"; Ostelo
    /// 2008 MCID): met that week and the week before.
    public static let responder30 = Metric(name: "responder_30", unit: "share 0-1", recordedRange: 0...1, isProportion: true)
    /// Sustained ≥2 NRS points less than at baseline (Ostelo 2008): that week and the week before.
    public static let responder2pt = Metric(name: "responder_2pt", unit: "share 0-1", recordedRange: 0...1, isProportion: true)
    /// Sustained ≥50% less pain than at baseline (IMMPACT "substantial"): that week and the week before.
    public static let responder50 = Metric(name: "responder_50", unit: "share 0-1", recordedRange: 0...1, isProportion: true)
    /// Aerobic minutes done in the week (capped at 600).
    public static let aerobicMinutes = Metric(name: "aerobic_minutes", unit: "minutes/week", recordedRange: 0...600)
    /// Strength volume done in the week: sets × reps × exercises × load (load 1
    /// = starting load), recorded to the nearest 5 and capped at 5,000.
    public static let strengthVolume = Metric(name: "strength_volume", unit: "reps × load/week", recordedRange: 0...1_000, scale: 5)

    // Training-load metrics per person from observed session loads
    // (LoadHistory; docs/evidence.md §5), averaged over persons.
    /// This week's session-RPE load.
    public static let acuteLoad = continuous("acute_load", unit: "AU/week")
    /// Mean weekly load of the last four weeks including this one.
    public static let chronicLoad = continuous("chronic_load", unit: "AU/week")
    /// Acute:chronic ratio, rolling coupled (acute week inside the 4-week window).
    public static let acwrCoupled = continuous("acwr_coupled", unit: "ratio")
    /// Acute:chronic ratio, rolling uncoupled (the 4 weeks before).
    public static let acwrUncoupled = continuous("acwr_uncoupled", unit: "ratio")
    /// Acute:chronic ratio of daily EWMAs, λ = 2/(N+1), N = 7 and 28 days.
    public static let acwrEWMA = continuous("acwr_ewma", unit: "ratio")
    /// Chronic training load: 42-day EWMA of daily load (the PMC convention).
    public static let fitness = continuous("fitness", unit: "AU/day")
    /// Acute training load: 7-day EWMA of daily load.
    public static let fatigue = continuous("fatigue", unit: "AU/day")
    /// Fitness − fatigue (training stress balance).
    public static let form = continuous("form", unit: "AU/day")

    /// 1 once a referral has been raised (sharp or radiating pain) so far.
    public static let referred = Metric(name: "referred", unit: "share 0-1", recordedRange: 0...1, isProportion: true)

    /// 1 if the person reported pain 0 that week.
    public static let painFree = Metric(name: "pain_free", unit: "share 0-1", recordedRange: 0...1, isProportion: true)
    /// 1 once the person has met the recovery rule (a weekly report of 0)
    /// at some week since baseline: the cumulative share recovered.
    public static let recovered = Metric(name: "recovered", unit: "share 0-1", recordedRange: 0...1, isProportion: true)

    /// Every metric in output order. New metrics are appended; none is renamed.
    public static let all: [Metric] = [
        .pain, .adherence, .retention, .disability, .sessionsDone, .load, .flareUps, .referrals, .doctorFlags,
        .painChange, .disabilityChange, .responder30, .responder2pt, .responder50, .aerobicMinutes, .strengthVolume,
        .acuteLoad, .chronicLoad, .acwrCoupled, .acwrUncoupled, .acwrEWMA, .fitness, .fatigue, .form,
        .referred, .painFree, .recovered,
    ]

    /// The metric called `name`, or nil.
    public static func named(_ name: String) -> Metric? { all.first { $0.name == name } }
}
