/// What a distribution target counts, beyond its outcome's name
/// (`docs/calibration.md` § Distribution targets has each exact definition).
/// Every rule is applied to the *reports* a trial would collect (weekly NRS
/// 0-10, disability 0-100), never to the model's latent state or labels.
public enum OutcomeDefinition: Sendable, Equatable {
    /// `standardised_difference`: (mean policy − mean versus) / pooled
    /// between-person SD of the follow-up values, of pain or disability.
    case standardisedDifference(of: EvidenceOutcome)
    /// `share_pain_at_most`: the share reporting pain ≤ level at the week.
    case painAtMost(level: Int)
    /// `cumulative_share`: the share that has been in `state` at least once by
    /// the follow-up time, counted from `timeZero`.
    case cumulativeShare(state: PainState, timeZero: TimeZero)
    /// `monthly_pattern`: the share whose monthly mean reports meet `rule`.
    case monthlyPattern(MonthlyRule)
    /// `time_to_recovery`: the Kaplan-Meier median time from `timeZero` to
    /// the first week in `state`, censored at the follow-up's end.
    case timeToRecovery(state: PainState, timeZero: TimeZero)

    /// Short text for tables: `pain ≤ 0`, `pain ≤ 0 from presentation (entry at week 13)`.
    public var description: String {
        switch self {
        case .standardisedDifference(let of): "of \(of.rawValue)"
        case .painAtMost(let level): "pain ≤ \(level)"
        case .cumulativeShare(let state, let zero), .timeToRecovery(let state, let zero): "\(state), \(zero)"
        case .monthlyPattern(let rule): rule.description
        }
    }
}

/// A state of a person's weekly pain reports: a level or an improvement
/// from the baseline report, held for some weeks in a row.
///
/// A person is *in the state at week w* (w ≥ 1) when the criterion holds for
/// each of the reports of weeks w − k + 1 … w, all ≥ 1 (k = `weeksInARow`);
/// the baseline week 0 never counts, since it defines who entered.
public struct PainState: Sendable, Equatable, CustomStringConvertible {
    public enum Criterion: Sendable, Equatable {
        /// Report ≤ level (NRS 0-10); `0` is pain-free.
        case painAtMost(Int)
        /// 100 × (baseline − report) ≥ percent × baseline, with baseline > 0
        /// (a baseline report of 0 cannot improve).
        case improvementAtLeast(percent: Int)
    }

    public let criterion: Criterion
    /// Consecutive weeks the criterion must hold (1 = a single week).
    public let weeksInARow: Int

    public init(_ criterion: Criterion, weeksInARow: Int = 1) {
        precondition(weeksInARow >= 1, "weeksInARow \(weeksInARow) must be at least 1")
        self.criterion = criterion
        self.weeksInARow = weeksInARow
    }

    /// Whether one report meets the criterion.
    @inline(__always)
    public func holds(report: Int, baseline: Int) -> Bool {
        switch criterion {
        case .painAtMost(let level): report <= level
        case .improvementAtLeast(let percent): baseline > 0 && 100 * (baseline - report) >= percent * baseline
        }
    }

    /// The first week ≥ 1 at which the person is in the state, given the
    /// reports of weeks 0…W (`reports[0]` the baseline); nil if none by W.
    public func firstWeek(_ reports: ArraySlice<Int>) -> Int? {
        guard let baseline = reports.first else { return nil }
        var run = 0
        for (week, report) in reports.enumerated() where week >= 1 {
            run = holds(report: report, baseline: baseline) ? run + 1 : 0
            if run >= weeksInARow { return week }
        }
        return nil
    }

    public var description: String {
        let rule = switch criterion {
        case .painAtMost(let level): "pain ≤ \(level)"
        case .improvementAtLeast(let percent): "≥\(percent)% below baseline"
        }
        return weeksInARow == 1 ? rule : "\(rule) for \(weeksInARow) weeks in a row"
    }
}

/// What follow-up times count from, when it is not the cohort's week 0: a
/// cohort entering `entryWeek` weeks after the time zero (e.g. people whose
/// pain persisted 13 weeks after presentation) is at follow-up time
/// `entryWeek + w` in its week w.
public struct TimeZero: Sendable, Equatable, CustomStringConvertible {
    /// What the published follow-up times count from, as the source says it.
    public let name: String
    /// Weeks from the time zero to the cohort's week 0.
    public let entryWeek: Int

    public init(name: String, entryWeek: Int) {
        precondition(entryWeek >= 0, "entryWeek \(entryWeek) must not be negative")
        self.name = name
        self.entryWeek = entryWeek
    }

    public var description: String {
        entryWeek == 0 ? "from \(name)" : "from \(name) (cohort enters at week \(entryWeek))"
    }
}

/// A rule on a person's monthly mean pain reports over a window of whole
/// months (`monthWeeks` weeks each; month 1 = the window's first weeks). Every
/// condition must hold.
public struct MonthlyRule: Sendable, Equatable, CustomStringConvertible {
    public struct Condition: Sendable, Equatable, CustomStringConvertible {
        public enum Quantifier: String, Sendable, CaseIterable {
            /// Each month's mean in the range passes the comparison.
            case every
            /// At least one month's mean passes.
            case any
            /// The mean of the range's weekly reports passes.
            case mean
        }

        public enum Comparison: String, Sendable, CaseIterable {
            case atLeast = "at_least"
            case atMost = "at_most"
        }

        /// Months of the window, 1-based, inclusive.
        public let months: ClosedRange<Int>
        public let quantifier: Quantifier
        public let comparison: Comparison
        /// NRS 0-10.
        public let threshold: Double

        public init(months: ClosedRange<Int>, quantifier: Quantifier, comparison: Comparison, threshold: Double) {
            self.months = months
            self.quantifier = quantifier
            self.comparison = comparison
            self.threshold = threshold
        }

        /// The YAML key: `every_at_least`, `mean_at_most`, …
        public var key: String { "\(quantifier.rawValue)_\(comparison.rawValue)" }

        /// Whether `sum` of `count` weekly reports passes: sum ≥ threshold ×
        /// count (or ≤), so that a mean of whole numbers is compared exactly.
        @inline(__always)
        func passes(sum: Int, count: Int) -> Bool {
            let bound = threshold * Double(count)
            return comparison == .atLeast ? Double(sum) >= bound : Double(sum) <= bound
        }

        public var description: String {
            let range = months.count == 1 ? "month \(months.lowerBound)" : "months \(months.lowerBound)-\(months.upperBound)"
            let sign = comparison == .atLeast ? "≥" : "≤"
            let threshold = self.threshold == self.threshold.rounded() ? String(Int(self.threshold)) : String(self.threshold)
            switch quantifier {
            case .every: return "every month of \(range) \(sign) \(threshold)"
            case .any: return "some month of \(range) \(sign) \(threshold)"
            case .mean: return "mean of \(range) \(sign) \(threshold)"
            }
        }
    }

    /// The window's weeks (≥ 1); its length is a whole number of months.
    public let weeks: ClosedRange<Int>
    public let monthWeeks: Int
    public let conditions: [Condition]

    public init(weeks: ClosedRange<Int>, monthWeeks: Int = 4, conditions: [Condition]) {
        precondition(monthWeeks >= 1 && weeks.count % monthWeeks == 0, "window \(weeks) is not whole months of \(monthWeeks) weeks")
        self.weeks = weeks
        self.monthWeeks = monthWeeks
        self.conditions = conditions
    }

    public var months: Int { weeks.count / monthWeeks }

    /// Whether a person's reports of weeks 0…W (W ≥ the window's end) meet
    /// every condition.
    public func holds(_ reports: ArraySlice<Int>) -> Bool {
        let start = reports.startIndex + weeks.lowerBound
        func sum(month: Int) -> Int {
            let first = start + (month - 1) * monthWeeks
            return reports[first..<(first + monthWeeks)].reduce(0, +)
        }
        for condition in conditions {
            let ok: Bool
            switch condition.quantifier {
            case .every: ok = condition.months.allSatisfy { condition.passes(sum: sum(month: $0), count: monthWeeks) }
            case .any: ok = condition.months.contains { condition.passes(sum: sum(month: $0), count: monthWeeks) }
            case .mean:
                let total = condition.months.reduce(0) { $0 + sum(month: $1) }
                ok = condition.passes(sum: total, count: condition.months.count * monthWeeks)
            }
            if !ok { return false }
        }
        return true
    }

    public var description: String {
        "months of \(monthWeeks) weeks in weeks \(weeks.lowerBound)-\(weeks.upperBound): "
            + conditions.map(\.description).joined(separator: " and ")
    }
}
