import BackSimCore
import BackSimScenario

/// One `--vary NAME=FROM:TO:STEP`.
public struct SweepAxis: Sendable {
    public let target: ParameterTarget
    public let values: [Double]

    public init(_ target: ParameterTarget, values: [Double]) throws(ParameterSettingError) {
        for value in values { try target.check(value) }
        self.target = target
        self.values = values
    }

    /// Parses `NAME=FROM:TO:STEP`.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 2, !parts[0].isEmpty else { throw .syntax(text) }
        do {
            let range = try ValueRange(parsing: parts[1])
            try self.init(try ParameterTarget(named: parts[0]), values: range.values)
        } catch let error as ValueRangeError {
            throw .range(parts[0], error)
        } catch let error as ParameterSettingError {
            throw .setting(error)
        } catch {
            throw .syntax(text)
        }
    }

    public var name: String { target.name }
    var isPolicy: Bool { if case .policy = target { true } else { false } }
}

/// A one- or two-way sweep: the scenario run at every point of a grid of
/// parameter values, every point on the same persons with the same luck.
///
/// Model-parameter axes make one run per grid point. A policy axis
/// (`percent=5:30:5`) adds `percent:5` … `percent:30` to every run beside the
/// scenario's other policies (the scenario's own `percent` policies are
/// replaced), so those policies are also paired with each other.
public struct Sweep: Sendable {
    public let scenario: Scenario
    public let axes: [SweepAxis]
    public let outcomes: [StudyOutcome]
    public let week: Int
    public let reference: String
    public let threads: Int

    public init(
        scenario: Scenario, axes: [SweepAxis], outcomes: [StudyOutcome], week: Int, reference: String?, threads: Int
    ) throws(SweepError) {
        guard (1...2).contains(axes.count) else { throw .axes(axes.count) }
        if axes.count == 2 {
            guard axes[0].name != axes[1].name else { throw .sameAxis(axes[0].name) }
            guard !(axes[0].isPolicy && axes[1].isPolicy) else { throw .twoPolicyAxes }
        }
        guard (0...scenario.weeks).contains(week) else { throw .week(week, scenario.weeks) }
        var scenario = scenario
        if let axis = axes.first(where: \.isPolicy) {
            scenario.policies.removeAll { ParameterSetting.builtInName($0.label) == axis.name }
            scenario.policies += axis.values.map { try! PolicyCatalogue.policy(ParameterTarget.label(axis.name, $0)) }
        }
        let labels = scenario.policyLabels
        let chosen = reference ?? scenario.reference.flatMap { labels.contains($0) ? $0 : nil }
            ?? (labels.contains("control") ? "control" : labels[0])
        guard labels.contains(chosen) else { throw .reference(chosen, labels) }
        if let axis = axes.first(where: \.isPolicy), ParameterSetting.builtInName(chosen) == axis.name {
            throw .referenceVaried(chosen)
        }
        self.scenario = scenario
        self.axes = axes
        self.outcomes = outcomes
        self.week = week
        self.reference = chosen
        self.threads = threads
    }

    /// Model-parameter grid points, first axis slowest.
    var modelPoints: [[(ParameterSpec, Double)]] {
        let model = axes.compactMap { axis -> [(ParameterSpec, Double)]? in
            guard case .model(let spec) = axis.target else { return nil }
            return axis.values.map { (spec, $0) }
        }
        return model.reduce([[]]) { points, axis in points.flatMap { point in axis.map { point + [$0] } } }
    }

    /// Runs every grid point; `progress` is told after each run.
    public func run(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> SweepResult {
        let points = modelPoints
        var runs: [(values: [Double], tally: OutcomeTally)] = []
        for (index, point) in points.enumerated() {
            var plan = scenario.plan(threads: threads)
            for (spec, value) in point { plan.parameters[keyPath: spec.keyPath] = value }
            runs.append((point.map(\.1), try StudyRun.tally(plan, outcomes: outcomes, week: week)))
            progress?(index + 1, points.count)
        }
        return SweepResult(sweep: self, runs: runs)
    }
}

/// Why a sweep cannot run as asked.
public enum SweepError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(String)
    case range(String, ValueRangeError)
    case setting(ParameterSettingError)
    case axes(Int)
    case sameAxis(String)
    case twoPolicyAxes
    case week(Int, Int)
    case reference(String, [String])
    case referenceVaried(String)

    public var description: String {
        switch self {
        case .syntax(let text): "--vary: expected NAME=FROM:TO:STEP (e.g. dropout.base=-4.6:-3.2:0.7 or percent=5:30:5), found '\(text)'"
        case let .range(name, error): "--vary \(name): \(error)"
        case .setting(let error): "--vary: \(error)"
        case .axes(let count): "give one --vary (one-way) or two (a two-way grid), found \(count)"
        case .sameAxis(let name): "--vary: '\(name)' is varied twice"
        case .twoPolicyAxes: "--vary: at most one policy parameter at a time; pair it with a model parameter for a two-way grid"
        case let .week(week, weeks): "--week: must be from 0 to \(weeks) (the horizon), got \(week)"
        case let .reference(name, labels): "--reference: '\(name)' is not one of the swept policies (\(labels.joined(separator: ", ")))"
        case .referenceVaried(let name): "--reference: '\(name)' is the varied policy; compare it with one of the others"
        }
    }
}
