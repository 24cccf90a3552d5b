import BackSimCore
import BackSimScenario
import Stochastics

/// A probabilistic analysis: the scenario run once per parameter draw, every
/// draw and every policy on the same persons with the same luck (persons
/// keyed as in `compare`), so that the spread across draws comes from the
/// parameters and, within a draw, differences between policies are paired.
public struct ProbabilisticAnalysis: Sendable {
    public let scenario: Scenario
    public let draws: ParameterDraws
    public let count: Int
    public let outcomes: [StudyOutcome]
    public let week: Int
    public let threads: Int

    public init(
        scenario: Scenario, draws: ParameterDraws, count: Int, outcomes: [StudyOutcome], week: Int, threads: Int
    ) throws(StudyError) {
        guard count >= 1 else { throw .draws("must be at least 1, got \(count)") }
        if let available = draws.available, count > available {
            throw .draws("the draws file has \(available) rows, fewer than the \(count) asked for")
        }
        guard (0...scenario.weeks).contains(week) else { throw .week(week, scenario.weeks) }
        guard !outcomes.isEmpty else { throw .outcome("give at least one outcome") }
        self.scenario = scenario
        self.draws = draws
        self.count = count
        self.outcomes = outcomes
        self.week = week
        self.threads = threads
    }

    /// Runs draws `range` (a subset of 0..<count, e.g. one shard's); the
    /// partial results of disjoint ranges merge to the whole run's.
    public func run(
        draws range: Range<Int>? = nil, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> PSAPartial {
        let range = range ?? 0..<count
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "draws outside 0..<count")
        GSLRuntime.prepare()
        let stream = try RandomStream()
        var results: [DrawResult] = []
        for draw in range {
            let values = try draws.values(draw: draw, stream: stream)
            var plan = scenario.plan(threads: threads)
            for (spec, value) in zip(draws.specs, values) { plan.parameters[keyPath: spec.keyPath] = value }
            let tally = try StudyRun.tally(plan, outcomes: outcomes, week: week)
            results.append(DrawResult(draw: draw, values: values, tally: tally))
            progress?(draw - range.lowerBound + 1, range.count)
        }
        return PSAPartial(
            parameters: draws.specs.map(\.name), policies: scenario.policyLabels, outcomes: outcomes.map(\.name),
            week: week, draws: results)
    }
}

/// One draw's parameter values and exact per-policy tallies.
public struct DrawResult: Equatable, Sendable, Codable {
    public let draw: Int
    public let values: [Double]
    public let tally: OutcomeTally

    public init(draw: Int, values: [Double], tally: OutcomeTally) {
        self.draw = draw
        self.values = values
        self.tally = tally
    }
}

/// Draw results of some draws; partials of disjoint draws merge, in any
/// order, to the same value (draws are kept sorted by index).
public struct PSAPartial: Equatable, Sendable, Codable {
    public let parameters: [String]
    public let policies: [String]
    public let outcomes: [String]
    public let week: Int
    public private(set) var draws: [DrawResult]

    public init(parameters: [String], policies: [String], outcomes: [String], week: Int, draws: [DrawResult]) {
        self.parameters = parameters
        self.policies = policies
        self.outcomes = outcomes
        self.week = week
        self.draws = draws.sorted { $0.draw < $1.draw }
    }

    /// Adds `other`'s draws. - Throws: ``StudyError/merge(_:)`` if the two are
    /// not of the same analysis or share a draw.
    public mutating func merge(_ other: PSAPartial) throws(StudyError) {
        guard parameters == other.parameters, policies == other.policies, outcomes == other.outcomes, week == other.week else {
            throw .merge("the partial results are of different analyses (parameters, policies, outcomes or week differ)")
        }
        let mine = Set(draws.map(\.draw))
        if let shared = other.draws.first(where: { mine.contains($0.draw) }) {
            throw .merge("draw \(shared.draw) is in both partial results")
        }
        draws = (draws + other.draws).sorted { $0.draw < $1.draw }
    }
}

/// Why a study cannot run as asked.
public enum StudyError: Error, Equatable, Sendable, CustomStringConvertible {
    case draws(String)
    case week(Int, Int)
    case outcome(String)
    case policy(String)
    case merge(String)
    case uncertainty(String)

    public var description: String {
        switch self {
        case .draws(let message): "--draws: \(message)"
        case let .week(week, weeks): "--week: must be from 0 to \(weeks) (the horizon), got \(week)"
        case .outcome(let message): "--outcome: \(message)"
        case .policy(let message): message
        case .merge(let message): "cannot merge: \(message)"
        case .uncertainty(let message): message
        }
    }
}
