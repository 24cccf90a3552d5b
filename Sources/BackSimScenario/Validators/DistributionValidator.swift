import BackSimCore
import Yams

/// Reads a trait distribution: a number (fixed), or a mapping naming a
/// `distribution` and its parameters. Bounds default to the trait's range.
struct DistributionValidator {
    let reader: NodeReader
    /// The trait's own range, e.g. 0-10 for pain.
    let range: ClosedRange<Double>
    let unit: String

    static let kinds = ["fixed", "normal", "uniform", "beta", "lognormal"]

    func read(_ node: Node, _ path: FieldPath) -> TraitDistribution? {
        if case .scalar = node {
            return reader.number(node, path, in: range, what: "a number from \(range.lowerBound.text) to \(range.upperBound.text) (\(unit)) or a distribution").map { .fixed($0) }
        }
        guard case .mapping = node else {
            reader.error(node, path, "expected a number or a distribution (\(Self.kinds.joined(separator: ", "))), found \(NodeReader.describe(node))")
            return nil
        }
        let all = ["distribution", "value", "mean", "sd", "min", "max", "a", "b", "mu", "sigma"]
        guard let fields = reader.mapping(node, path, allowed: all, required: ["distribution"]),
              let kindNode = fields["distribution"], let kind = reader.string(kindNode, path.key("distribution"))
        else { return nil }
        let allowed: [String]
        switch kind {
        case "fixed": allowed = ["distribution", "value"]
        case "normal": allowed = ["distribution", "mean", "sd", "min", "max"]
        case "uniform": allowed = ["distribution", "min", "max"]
        case "beta": allowed = ["distribution", "a", "b", "min", "max"]
        case "lognormal": allowed = ["distribution", "mu", "sigma", "max"]
        default:
            let hint = closestName(kind, among: Self.kinds).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(kindNode, path.key("distribution"), "expected one of \(Self.kinds.joined(separator: ", ")), found '\(kind)'\(hint)")
            return nil
        }
        for key in fields.values.keys.sorted() where !allowed.contains(key) {
            reader.error(fields.keys[key], path.key(key), "'\(key)' does not belong to a \(kind) distribution; it takes \(allowed.dropFirst().joined(separator: ", "))")
        }
        func value(_ key: String, in valid: ClosedRange<Double>, required: Bool = true, what: String? = nil) -> Double?? {
            guard let node = fields[key] else {
                if required { reader.error(node, path.key(key), "missing required key '\(key)' for a \(kind) distribution") }
                return required ? nil : .some(nil)
            }
            return reader.number(node, path.key(key), in: valid, what: what).map { .some($0) }
        }
        let inRange = range, positive = Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
        switch kind {
        case "fixed":
            guard let v = value("value", in: inRange) else { return nil }
            return v.map { .fixed($0) }
        case "normal":
            let mean = value("mean", in: inRange), sd = value("sd", in: 0...Double.greatestFiniteMagnitude, what: "a number ≥ 0")
            let lower = value("min", in: inRange, required: false), upper = value("max", in: inRange, required: false)
            guard let mean = mean ?? nil, let sd = sd ?? nil, let lower, let upper else { return nil }
            guard bounded(lower ?? range.lowerBound, upper ?? range.upperBound, path) else { return nil }
            return .normal(mean: mean, sd: sd, lower: lower ?? finite(range.lowerBound), upper: upper ?? finite(range.upperBound))
        case "uniform":
            guard let lower = value("min", in: inRange) ?? nil, let upper = value("max", in: inRange) ?? nil,
                  bounded(lower, upper, path) else { return nil }
            return .uniform(lower: lower, upper: upper)
        case "beta":
            let a = value("a", in: positive, what: "a number > 0"), b = value("b", in: positive, what: "a number > 0")
            let lower = value("min", in: inRange, required: false), upper = value("max", in: inRange, required: false)
            guard let a = a ?? nil, let b = b ?? nil, let lower, let upper else { return nil }
            let lo = lower ?? (range.lowerBound.isFinite ? range.lowerBound : 0)
            let hi = upper ?? (range.upperBound.isFinite ? range.upperBound : 1)
            guard bounded(lo, hi, path) else { return nil }
            return .beta(a: a, b: b, lower: lo, upper: hi)
        default:  // lognormal
            let mu = value("mu", in: -50...50), sigma = value("sigma", in: 0...10)
            let upper = value("max", in: inRange, required: false)
            guard let mu = mu ?? nil, let sigma = sigma ?? nil, let upper else { return nil }
            return .lognormal(mu: mu, sigma: sigma, upper: upper ?? finite(range.upperBound))
        }

        func bounded(_ lower: Double, _ upper: Double, _ path: FieldPath) -> Bool {
            guard lower <= upper else {
                reader.error(fields["max"] ?? node, path.key("max"), "expected max ≥ min (\(lower.text)), found \(upper.text)")
                return false
            }
            return true
        }
    }

    private func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}

extension TraitDistribution {
    /// The largest value a draw can take.
    var possibleMaximum: Double {
        switch self {
        case .fixed(let v): v
        case .normal(_, _, _, let upper): upper ?? .infinity
        case .uniform(_, let upper): upper
        case .beta(_, _, _, let upper): upper
        case .lognormal(_, _, let upper): upper ?? .infinity
        }
    }
}
