import BackSimCore
import BackSimScenario

/// What a `NAME` in `--set NAME=VALUE` or `--vary NAME=…` names: a model
/// parameter (`dropout.base`, see docs/model.md) or a built-in policy whose
/// own parameter is set (`percent`, see `backsim policies`).
public enum ParameterTarget: Sendable {
    case model(ParameterSpec)
    case policy(name: String)

    /// Looks `name` up among the model parameters, then the built-in
    /// policies that take a numeric value.
    public init(named name: String) throws(ParameterSettingError) {
        if let spec = ModelParameters.spec(named: name) {
            self = .model(spec)
        } else if let entry = PolicyCatalogue.entries.first(where: { $0.name == name }), entry.range != nil {
            self = .policy(name: name)
        } else {
            let names = ModelParameters.catalogue.map(\.name) + PolicyCatalogue.entries.filter { $0.range != nil }.map(\.name)
            throw .unknown(name, suggestion: closestName(name, among: names))
        }
    }

    public var name: String {
        switch self {
        case .model(let spec): spec.name
        case .policy(let name): name
        }
    }

    /// Checks one value: in the model parameter's range, or accepted by the
    /// policy (`percent:VALUE`).
    public func check(_ value: Double) throws(ParameterSettingError) {
        switch self {
        case .model(let spec):
            guard spec.range.contains(value) else {
                throw .outOfRange(spec.name, value: value, "from \(spec.range.lowerBound.compactText) to \(spec.range.upperBound.compactText) (\(spec.unit))")
            }
        case .policy(let name):
            do { _ = try PolicyCatalogue.policy(Self.label(name, value)) } catch { throw .policy(error.description) }
        }
    }

    /// `percent:20`.
    public static func label(_ policy: String, _ value: Double) -> String { "\(policy):\(value.compactText)" }
}

/// One `--set NAME=VALUE`: a model parameter or a built-in policy's
/// parameter set without editing the scenario file.
public struct ParameterSetting: Sendable {
    public let target: ParameterTarget
    public let value: Double

    public init(_ target: ParameterTarget, _ value: Double) throws(ParameterSettingError) {
        try target.check(value)
        self.target = target
        self.value = value
    }

    /// Parses `NAME=VALUE`.
    public init(parsing text: String) throws(ParameterSettingError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 2, !parts[0].isEmpty else { throw .syntax(text) }
        guard let value = Double(parts[1]), value.isFinite else { throw .notANumber(text) }
        try self.init(try ParameterTarget(named: parts[0]), value)
    }

    /// Parses every `--set` text (each may also hold a comma-separated list);
    /// a name set twice is refused.
    public static func parseAll(_ texts: [String]) throws(ParameterSettingError) -> [ParameterSetting] {
        var settings: [ParameterSetting] = []
        for text in texts {
            for item in text.split(separator: ",").map({ String($0).trimmingSpaces }) where !item.isEmpty {
                let setting = try ParameterSetting(parsing: item)
                guard !settings.contains(where: { $0.target.name == setting.target.name }) else {
                    throw .twice(setting.target.name)
                }
                settings.append(setting)
            }
        }
        return settings
    }

    /// The scenario with this value in place: the model parameter set (after
    /// the file's `parameters:`), or every policy of the scenario that is the
    /// built-in `NAME` replaced by `NAME:VALUE`.
    public func apply(to scenario: inout Scenario) throws(ParameterSettingError) {
        switch target {
        case .model(let spec):
            scenario.parameters[keyPath: spec.keyPath] = value
        case .policy(let name):
            let label = ParameterTarget.label(name, value)
            var found = false
            for index in scenario.policies.indices where Self.builtInName(scenario.policies[index].label) == name {
                let old = scenario.policies[index].label
                // Checked in init, so the lookup succeeds.
                scenario.policies[index] = try! PolicyCatalogue.policy(label)
                if scenario.reference == old { scenario.reference = label }
                found = true
            }
            guard found else { throw .noSuchPolicy(name, scenario.policyLabels) }
        }
    }

    /// `percent` for `percent:10` or `percent`; nil for a rule table's label.
    public static func builtInName(_ label: String) -> String? {
        let name = String(label.split(separator: ":", maxSplits: 1).first ?? "")
        return PolicyCatalogue.names.contains(name) ? name : nil
    }

    /// The scenario with every setting applied, and their names as recorded in
    /// provenance (`parameters.dropout.base`, `policies.percent`).
    public static func apply(_ settings: [ParameterSetting], to scenario: Scenario) throws(ParameterSettingError) -> Scenario {
        var scenario = scenario
        for setting in settings { try setting.apply(to: &scenario) }
        return scenario
    }
}

/// Why a `NAME=VALUE` cannot be set.
public enum ParameterSettingError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(String)
    case notANumber(String)
    case unknown(String, suggestion: String?)
    case outOfRange(String, value: Double, String)
    case policy(String)
    case twice(String)
    case noSuchPolicy(String, [String])

    public var description: String {
        switch self {
        case .syntax(let text): "expected NAME=VALUE (e.g. dropout.base=-3.9 or percent=20), found '\(text)'"
        case .notANumber(let text): "'\(text)': the value is not a number"
        case let .unknown(name, suggestion):
            "unknown parameter '\(name)'\(suggestion.map { "; did you mean '\($0)'?" } ?? ""); name a model parameter (docs/model.md) or a built-in policy that takes a value (backsim policies)"
        case let .outOfRange(name, value, range): "\(name) must be \(range), got \(value.compactText)"
        case .policy(let message): message
        case .twice(let name): "'\(name)' is set twice"
        case let .noSuchPolicy(name, labels):
            "the scenario runs no '\(name)' policy (it runs \(labels.joined(separator: ", "))); add it with --policies or choose another"
        }
    }
}

extension Double {
    /// `10` rather than `10.0` for whole numbers.
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
