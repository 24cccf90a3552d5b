import BackSimCore
import Stochastics

/// The pre-specified analysis of a simulated trial at its visit week.
public enum TrialAnalysis: String, CaseIterable, Sendable {
    /// Visit pain on arm and baseline pain, least squares; t test on the arm.
    case ancova
    /// Change in pain from baseline, Welch t test.
    case change
    /// Responders (≥30% better) at the visit: risk difference, chi-square
    /// test without continuity correction (Fisher's exact with `exact`).
    case responder
    /// Time to leaving the programme, log-rank test (log hazard ratio).
    case dropout

    /// The direction in which arm A is better: less pain, more responders,
    /// a lower dropout hazard.
    var benefit: TestSides { self == .responder ? .greater : .less }

    /// What the estimate is, for reports.
    public var effectName: String {
        switch self {
        case .ancova: "adjusted mean difference in visit pain (A − B), NRS points"
        case .change: "mean difference in change of pain (A − B), NRS points"
        case .responder: "difference in the share of responders (A − B)"
        case .dropout: "log hazard ratio of leaving the programme (A vs B, Peto)"
        }
    }
}

/// Which visit outcomes are observed (the ICH E9(R1) estimand's handling of
/// leaving the programme).
public enum TrialEstimand: String, CaseIterable, Sendable {
    /// People without a visit outcome are dropped: those lost to follow-up,
    /// and those who left the programme and also stopped attending visits.
    case completeCase = "complete-case"
    /// Those who left the programme but stayed in the trial are followed up
    /// and their visit outcome observed; only loss to follow-up is missing.
    case treatmentPolicy = "treatment-policy"
}

/// Everything a power study needs besides the population.
public struct TrialDesign: Sendable {
    /// Arm sizes asked for: N is arm B's size (the comparator); arm A has
    /// round(N · allocationA / allocationB).
    public var sizes: [Int]
    public var trials: Int
    public var visit: Int
    public var analysis: TrialAnalysis
    public var allocation: (a: Int, b: Int) = (1, 1)
    public var alpha = 0.05
    public var target = 0.8
    public var sides: TestSides = .two
    /// Non-inferiority margin M (> 0) on the effect's scale, or nil.
    public var margin: Double? = nil
    public var exact = false
    public var estimand: TrialEstimand = .completeCase
    /// Weekly hazard of loss to follow-up, every arm.
    public var lossPerWeek = 0.0
    /// Share of those who leave the programme who also stop attending visits.
    public var visitLossShare = 0.0
    public var seed: UInt64 = 1
    public var threads = 1
    /// Persons per arm of the large paired run that gives the true effect.
    public var referencePersons = 100_000

    public init(sizes: [Int], trials: Int, visit: Int, analysis: TrialAnalysis) {
        self.sizes = sizes
        self.trials = trials
        self.visit = visit
        self.analysis = analysis
    }

    /// Arm A's size in the trial whose arm B has `n` people.
    public func sizeA(_ n: Int) -> Int {
        max(1, Int((Double(n) * Double(allocation.a) / Double(allocation.b)).rounded()))
    }

    /// The null value the test rejects and the alternative's direction.
    var hypothesis: (null: Double, sides: TestSides) {
        if let margin {
            // Non-inferiority of A: A is worse by less than M.
            return analysis.benefit == .less ? (margin, .less) : (-margin, .greater)
        }
        return (0, sides == .two ? .two : analysis.benefit)
    }
}
