import BackSimCore
import BackSimScenario

/// A published figure the model should reproduce: who (a cohort), under
/// which policy (or the difference between two), which outcome at which
/// time, the published value with its interval or range, and whether a
/// miss fails the check (*gating*) or is a documented *known gap*.
public struct EvidenceTarget: Sendable {
    /// Unique among the targets checked together.
    public let name: String
    /// The cohort as written in the file: a built-in cohort's name or a
    /// scenario file's path.
    public let cohortName: String
    /// The resolved scenario whose cohort, size, seed and parameters the
    /// target runs on (a built-in cohort's own scenario, or the file's).
    public let scenario: Scenario
    public let policy: any ProgressionPolicy
    /// For a between-arm difference: the reference arm, subtracted
    /// (`policy − versus`), on the same persons.
    public let versus: (any ProgressionPolicy)?
    public let outcome: EvidenceOutcome
    /// The exact definition of a distribution outcome (its level, state,
    /// time zero or rule); nil for the mean outcomes.
    public let definition: OutcomeDefinition?
    public let unit: EvidenceUnit
    public let time: TargetTime
    public let published: PublishedFigure
    /// Where the figure comes from.
    public let source: String
    /// A gating target must be met; a known gap is reported, not enforced.
    public let gating: Bool
    /// Why a known gap is one (required when not gating).
    public let reason: String?
    /// Where the target is written (`file:line:column`), for messages.
    public let location: String

    public var isDifference: Bool { versus != nil }

    /// `pain 0-100, guideline − control, week 12, chronic` (the cohort by its
    /// scenario's name); a distribution outcome adds its definition and, with
    /// a time zero, the follow-up time.
    public var summary: String {
        let arms = versus.map { "\(policy.label) − \($0.label)" } ?? policy.label
        let unitText = unit == .percent ? "%" : unit == .share ? "share" : unit.rawValue
        let name = definition.map { "\(outcome.rawValue) (\($0.description))" } ?? outcome.rawValue
        return "\(name) \(unitText), \(arms), \(timeText), \(scenario.name)"
    }

    /// The time as the source counts it: `week 26 (follow-up 39)` with a time zero.
    var timeText: String {
        switch definition {
        case .cumulativeShare(_, let zero) where zero.entryWeek > 0:
            "follow-up week \(zero.entryWeek + time.lastWeek) (cohort week \(time.lastWeek))"
        case .timeToRecovery(_, let zero):
            "followed to week \(zero.entryWeek + time.lastWeek)" + (zero.entryWeek > 0 ? " (cohort week \(time.lastWeek))" : "")
        case .monthlyPattern:
            "weeks \(time.weeks.lowerBound)-\(time.weeks.upperBound)"
        default:
            time.description
        }
    }
}

/// What a target measures. Pain and disability are means over everyone
/// (intention to treat); adherence is the share of prescribed sessions done
/// among people still in the programme; retention the share not dropped out.
public enum EvidenceOutcome: String, CaseIterable, Sendable {
    /// Reported average pain of the past 7 days (NRS 0-10, or ×10 on 0-100).
    case pain
    /// Disability 0-100 (Oswestry-like).
    case disability
    /// Share of prescribed sessions done, among people still in the programme.
    case adherence
    /// 1 − adherence.
    case nonAdherence = "non_adherence"
    /// Share not dropped out.
    case retention
    /// 1 − retention.
    case dropout
    /// (policy − versus) / pooled between-person SD of pain or disability.
    case standardisedDifference = "standardised_difference"
    /// Share reporting pain at or under a level at a week.
    case painAtMost = "share_pain_at_most"
    /// Share that has been in a pain state by a follow-up time.
    case cumulativeShare = "cumulative_share"
    /// Share whose monthly mean reports meet a rule over a window.
    case monthlyPattern = "monthly_pattern"
    /// Kaplan-Meier median time to a pain state, with its interval.
    case timeToRecovery = "time_to_recovery"

    /// The engine's metric behind the outcome (pain reports for every
    /// distribution outcome but a standardised difference of disability,
    /// whose metric the definition names).
    public var metric: Metric {
        switch self {
        case .pain, .standardisedDifference, .painAtMost, .cumulativeShare, .monthlyPattern, .timeToRecovery: .pain
        case .disability: .disability
        case .adherence, .nonAdherence: .adherence
        case .retention, .dropout: .retention
        }
    }

    /// Whether the outcome is a mean of a weekly metric (the six original
    /// outcomes); the others need a ``OutcomeDefinition``.
    public var isMean: Bool {
        switch self {
        case .pain, .disability, .adherence, .nonAdherence, .retention, .dropout: true
        default: false
        }
    }

    /// Whether the estimate needs each person's weekly reports in turn
    /// (streamed from the engine's per-person records).
    var needsPersonCourses: Bool { self == .cumulativeShare || self == .monthlyPattern || self == .timeToRecovery }

    /// Whether the outcome is 1 − the metric.
    var isComplement: Bool { self == .nonAdherence || self == .dropout }

    /// Units a target may use; the first is the default.
    public var units: [EvidenceUnit] {
        switch self {
        case .pain: [.nrs, .hundred]
        case .disability: [.hundred]
        case .adherence, .nonAdherence, .retention, .dropout, .painAtMost, .cumulativeShare, .monthlyPattern:
            [.share, .percent]
        case .standardisedDifference: [.sd]
        case .timeToRecovery: [.weeks]
        }
    }

    /// Whether the outcome only exists in programme weeks (week ≥ 1, not
    /// under a policy that prescribes nothing).
    public var needsProgramme: Bool { metric == .adherence }
}

/// The scale a target's figures are written on.
public enum EvidenceUnit: String, CaseIterable, Sendable {
    /// NRS points 0-10.
    case nrs = "0-10"
    /// Points on a 0-100 scale (pain ×10, disability as is).
    case hundred = "0-100"
    /// A proportion 0-1.
    case share
    /// A percentage 0-100.
    case percent
    /// Standard deviations (a standardised difference, −10 to 10).
    case sd = "SD"
    /// Weeks from the target's time zero.
    case weeks

    /// The largest value of a level (a difference may be as negative).
    public var maximum: Double {
        switch self {
        case .nrs, .sd: 10
        case .hundred, .percent: 100
        case .share: 1
        case .weeks: Double(2 * SimulationPlan.maximumWeeks)
        }
    }

    /// Target unit per engine unit, for `outcome`.
    func factor(for outcome: EvidenceOutcome) -> Double {
        switch (self, outcome) {
        case (.hundred, .pain): 10
        case (.percent, _): 100
        default: 1
        }
    }
}

/// When a target is measured.
public enum TargetTime: Equatable, Sendable, CustomStringConvertible {
    /// At the end of week `n` (0 = baseline).
    case week(Int)
    /// The mean of the weekly means over weeks `from...to`, each week's mean
    /// over the people the outcome counts that week.
    case meanOfWeeks(ClosedRange<Int>)

    /// The last week a run must reach.
    public var lastWeek: Int {
        switch self {
        case .week(let week): week
        case .meanOfWeeks(let weeks): weeks.upperBound
        }
    }

    public var weeks: ClosedRange<Int> {
        switch self {
        case .week(let week): week...week
        case .meanOfWeeks(let weeks): weeks
        }
    }

    public var description: String {
        switch self {
        case .week(let week): "week \(week)"
        case .meanOfWeeks(let weeks): "mean of weeks \(weeks.lowerBound)-\(weeks.upperBound)"
        }
    }
}

/// A published value and the interval it is checked against.
public struct PublishedFigure: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A 95% confidence interval around a point estimate.
        case interval
        /// A reported range (e.g. "10-20% of participants"), possibly without a point value.
        case range
    }

    /// The point estimate; for a range without one, nil.
    public let value: Double?
    public let low: Double
    public let high: Double
    public let kind: Kind

    public init(value: Double?, low: Double, high: Double, kind: Kind) {
        precondition(low < high, "empty interval \(low) to \(high)")
        self.value = value
        self.low = low
        self.high = high
        self.kind = kind
    }

    public var width: Double { high - low }
    /// The point estimate, or the middle of a range without one.
    public var centre: Double { value ?? (low + high) / 2 }

    public func contains(_ x: Double) -> Bool { x >= low && x <= high }
}
