import BackSimCore
import Stochastics
import Yams

/// Reads `uncertainty:`: a distribution for each uncertain model parameter
/// (normal, lognormal, beta, gamma, uniform; optionally truncated) and rank
/// correlations between them.
///
/// ```yaml
/// uncertainty:
///   parameters:
///     dropout.base: {distribution: normal, mean: -3.9, sd: 0.5, truncate: [-6, -2]}
///     flare.base: {distribution: beta, a: 2, b: 60}
///   correlations:
///     - {between: [dropout.base, adherence.stay], rank: -0.3}
/// ```
struct UncertaintyValidator {
    let reader: NodeReader

    static let kinds = ["normal", "lognormal", "beta", "gamma", "uniform", "fixed"]
    static let shapeKeys: [String: [String]] = [
        "fixed": ["value"],
        "normal": ["mean", "sd"], "lognormal": ["mu", "sigma"], "beta": ["a", "b"], "gamma": ["shape", "scale"],
        "uniform": ["min", "max"],
    ]

    func read(_ node: Node, _ path: FieldPath) -> ParameterUncertainty? {
        guard let fields = reader.mapping(node, path, allowed: ["parameters", "correlations"], required: ["parameters"]),
              let parametersNode = fields["parameters"]
        else { return nil }
        let names = ModelParameters.catalogue.map(\.name)
        let parametersPath = path.key("parameters")
        guard let entries = reader.mapping(parametersNode, parametersPath, allowed: names) else { return nil }
        if entries.values.isEmpty {
            reader.error(parametersNode, parametersPath, "expected at least one parameter with a distribution, found none")
        }
        var ok = true
        var parameters: [UncertainParameter] = []
        let ordered = entries.values.keys.sorted { (entries[$0]?.mark?.line ?? 0, $0) < (entries[$1]?.mark?.line ?? 0, $1) }
        for name in ordered {
            guard let spec = ModelParameters.spec(named: name), let entry = entries[name] else { continue }
            if let parameter = readParameter(entry, parametersPath.key(name), spec) {
                parameters.append(parameter)
            } else {
                ok = false
            }
        }
        var correlations: [RankCorrelation] = []
        if let node = fields["correlations"] {
            let correlationsPath = path.key("correlations")
            for (index, item) in (reader.sequence(node, correlationsPath, of: "correlations", nonEmpty: false) ?? []).enumerated() {
                guard let correlation = readCorrelation(item, correlationsPath.index(index), known: ordered) else { ok = false; continue }
                correlations.append(correlation)
            }
        }
        guard ok, reader.diagnostics.isEmpty else { return nil }
        do {
            return try ParameterUncertainty(parameters: parameters, correlations: correlations)
        } catch {
            reader.error(fields["correlations"] ?? node, path.key(fields["correlations"] == nil ? "parameters" : "correlations"), error.description)
            return nil
        }
    }

    private func readParameter(_ node: Node, _ path: FieldPath, _ spec: ParameterSpec) -> UncertainParameter? {
        guard case .mapping = node else {
            reader.error(node, path, "expected a distribution (\(Self.kinds.joined(separator: ", "))), found \(NodeReader.describe(node))")
            return nil
        }
        let all = ["distribution", "value", "mean", "sd", "mu", "sigma", "a", "b", "shape", "scale", "min", "max", "truncate"]
        guard let fields = reader.mapping(node, path, allowed: all, required: ["distribution"]),
              let kindNode = fields["distribution"], let kind = reader.string(kindNode, path.key("distribution"))
        else { return nil }
        guard let keys = Self.shapeKeys[kind] else {
            let hint = closestName(kind, among: Self.kinds).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(kindNode, path.key("distribution"), "expected one of \(Self.kinds.joined(separator: ", ")), found '\(kind)'\(hint)")
            return nil
        }
        var ok = true
        for key in fields.values.keys.sorted() where key != "distribution" && key != "truncate" && !keys.contains(key) {
            reader.error(fields.keys[key], path.key(key), "'\(key)' does not belong to a \(kind) distribution; it takes \(keys.joined(separator: ", ")) and optionally truncate")
            ok = false
        }
        var values: [Double] = []
        for key in keys {
            guard let valueNode = fields[key] else {
                reader.error(node, path.key(key), "missing required key '\(key)' of a \(kind) distribution")
                ok = false
                continue
            }
            let positive = ["sd", "sigma", "a", "b", "shape", "scale"].contains(key)
            let range = positive ? Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
            guard let value = reader.number(valueNode, path.key(key), in: range, what: positive ? "a number above 0" : "a number") else {
                ok = false
                continue
            }
            values.append(value)
        }
        var truncation: ClosedRange<Double>?
        if let node = fields["truncate"] {
            truncation = readInterval(node, path.key("truncate"))
            if truncation == nil { ok = false }
        }
        guard ok, values.count == keys.count else { return nil }
        let distribution: ContinuousDistribution
        switch kind {
        case "fixed": distribution = .fixed(values[0])
        case "normal": distribution = .normal(mean: values[0], sd: values[1])
        case "lognormal": distribution = .lognormal(meanlog: values[0], sdlog: values[1])
        case "beta": distribution = .beta(alpha: values[0], beta: values[1])
        case "gamma": distribution = .gamma(shape: values[0], scale: values[1])
        default:
            guard values[0] < values[1] else {
                reader.error(fields["max"], path.key("max"), "expected max above min (\(values[0].text)), found \(values[1].text)")
                return nil
            }
            distribution = .uniform(min: values[0], max: values[1])
        }
        // Every value drawn must be one the parameter may take: an explicit
        // truncation must lie inside the parameter's range, and a
        // distribution reaching beyond the range is truncated to it.
        let support: ClosedRange<Double> = switch distribution {
        case .normal: -Double.infinity...Double.infinity
        case .lognormal, .gamma: 0...Double.infinity
        case .beta: 0...1
        case let .uniform(low, high): low...high
        case let .fixed(value): value...value
        }
        if let given = truncation {
            guard spec.range.contains(given.lowerBound), spec.range.contains(given.upperBound) else {
                reader.error(fields["truncate"], path.key("truncate"),
                             "expected an interval within \(spec.name)'s range \(spec.range.lowerBound.text) to \(spec.range.upperBound.text) (\(spec.unit)), found \(given.lowerBound.text) to \(given.upperBound.text)")
                return nil
            }
        } else if case .fixed(let value) = distribution {
            guard spec.range.contains(value) else {
                reader.error(fields["value"], path.key("value"),
                             "expected a value within \(spec.name)'s range \(spec.range.lowerBound.text) to \(spec.range.upperBound.text) (\(spec.unit)), found \(value.text)")
                return nil
            }
        } else if !(spec.range.contains(support.lowerBound) && spec.range.contains(support.upperBound)) {
            truncation = spec.range
        }
        let parameter = UncertainParameter(spec, distribution, truncation: truncation)
        if truncation != nil, (try? parameter.quantile(0.5)) == nil {
            let field = fields["truncate"] == nil ? "distribution" : "truncate"
            reader.error(fields[field], path.key(field), "the \(kind) distribution has no probability inside \(fields["truncate"] == nil ? "\(spec.name)'s range \(spec.range.lowerBound.text) to \(spec.range.upperBound.text)" : "the truncation interval"); move or widen it")
            return nil
        }
        return parameter
    }

    private func readInterval(_ node: Node, _ path: FieldPath) -> ClosedRange<Double>? {
        guard let items = reader.sequence(node, path, of: "two numbers [low, high]"), items.count == 2 else {
            if case .sequence = node { reader.error(node, path, "expected two numbers [low, high], found a list of \(nodeCount(node))") }
            return nil
        }
        let any = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        guard let low = reader.number(items[0], path.index(0), in: any, what: "a number"),
              let high = reader.number(items[1], path.index(1), in: any, what: "a number") else { return nil }
        guard low < high else {
            reader.error(items[1], path.index(1), "expected high above low (\(low.text)), found \(high.text)")
            return nil
        }
        return low...high
    }

    private func nodeCount(_ node: Node) -> Int {
        if case .sequence(let items) = node { return items.count }
        return 0
    }

    private func readCorrelation(_ node: Node, _ path: FieldPath, known: [String]) -> RankCorrelation? {
        guard let fields = reader.mapping(node, path, allowed: ["between", "rank"], required: ["between", "rank"]),
              let betweenNode = fields["between"], let rankNode = fields["rank"] else { return nil }
        let rank = reader.number(rankNode, path.key("rank"), in: -0.99...0.99, what: "a Spearman rank correlation from -0.99 to 0.99")
        guard let items = reader.sequence(betweenNode, path.key("between"), of: "two parameter names") else { return nil }
        guard items.count == 2 else {
            reader.error(betweenNode, path.key("between"), "expected two parameter names, found \(items.count)")
            return nil
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard let name = reader.string(item, path.key("between").index(index), what: "a parameter name") else { continue }
            guard known.contains(name) else {
                let hint = closestName(name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                reader.error(item, path.key("between").index(index), "'\(name)' has no distribution under uncertainty.parameters\(hint)")
                continue
            }
            names.append(name)
        }
        guard names.count == 2, let rank else { return nil }
        if names[0] == names[1] {
            reader.error(betweenNode, path.key("between"), "a parameter cannot be correlated with itself ('\(names[0])')")
            return nil
        }
        return RankCorrelation(names[0], names[1], rho: rank)
    }
}
