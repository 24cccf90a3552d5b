import Stochastics
import BackSimCore

/// An outcome on which policies are compared pairwise, with the between-group
/// importance threshold of docs/evidence.md §3 (Hayden 2021: 15/100
/// for pain, 10/100 for function).
public enum ComparisonMetric: String, CaseIterable, Sendable {
    /// Reported pain (NRS) or disability (0-100).
    case pain, disability

    /// The per-policy metric compared.
    public var metric: Metric { self == .pain ? .pain : .disability }
    /// The unit of differences.
    public var unit: String { self == .pain ? "NRS points" : "disability points" }
    /// Smallest between-group difference that matters, in `unit`.
    public var importanceThreshold: Double { self == .pain ? 1.5 : 10 }

    func differences(_ comparison: PairedComparison) -> [CountHistogram] {
        self == .pain ? comparison.pain : comparison.disability
    }
}
