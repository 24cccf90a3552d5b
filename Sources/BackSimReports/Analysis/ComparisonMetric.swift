import Stochastics
import BackSimCore

/// An outcome on which policies are compared pairwise: every
/// `PairedOutcome` of the engine, with a between-group importance
/// threshold only where a published one exists (docs/evidence.md §3, "What
/// counts as improvement"; Hayden 2021: 15/100 for pain, 10/100 for
/// function). A yes/no outcome is compared by its risk difference.
public struct ComparisonMetric: Hashable, Sendable {
    /// The per-policy metric compared.
    public let metric: Metric
    /// The smallest between-group benefit that matters, in the outcome's
    /// unit, as a magnitude; nil when no published threshold exists.
    public let importanceThreshold: Double?
    /// Whether lower values are better (pain, disability) for the threshold.
    public let lowerIsBetter: Bool

    /// The metric's name in outputs.
    public var name: String { metric.name }
    /// A yes/no outcome, compared by its risk difference.
    public var isYesNo: Bool { metric.isProportion }

    /// The unit of a difference: the metric's, without its range; yes/no
    /// outcomes as a risk difference (share).
    public var unit: String {
        switch metric {
        case .pain: "NRS points"
        case .disability: "disability points"
        default: isYesNo ? "risk difference" : metric.unit
        }
    }

    /// The threshold as the signed difference that just passes (−1.5 for pain).
    public var threshold: Double? { importanceThreshold.map { lowerIsBetter ? -$0 : $0 } }

    /// Reported pain, NRS; benefit threshold 1.5 points.
    public static let pain = ComparisonMetric(metric: .pain, importanceThreshold: 1.5, lowerIsBetter: true)
    /// Disability, 0-100; benefit threshold 10 points.
    public static let disability = ComparisonMetric(metric: .disability, importanceThreshold: 10, lowerIsBetter: true)

    /// Every compared outcome in `PairedOutcome.all` order. Changes from
    /// baseline differ from the levels only by the baseline, which is the
    /// same under every policy, so they carry the same thresholds.
    public static let all: [ComparisonMetric] = PairedOutcome.all.map { paired in
        switch paired.metric {
        case .pain, .painChange: ComparisonMetric(metric: paired.metric, importanceThreshold: 1.5, lowerIsBetter: true)
        case .disability, .disabilityChange: ComparisonMetric(metric: paired.metric, importanceThreshold: 10, lowerIsBetter: true)
        default: ComparisonMetric(metric: paired.metric, importanceThreshold: nil, lowerIsBetter: true)
        }
    }

    /// The compared outcome called `name`, or nil.
    public static func named(_ name: String) -> ComparisonMetric? { all.first { $0.name == name } }

    /// What the table, Markdown and HTML show unless told otherwise.
    public static let shortList: [ComparisonMetric] = ["pain", "disability", "retention", "flare_ups"].compactMap(named)
}
