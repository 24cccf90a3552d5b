import Stochastics

/// What is not known about the model's parameters: a distribution for each
/// uncertain one and rank correlations between them (the `uncertainty:`
/// block of a scenario). Parameters not listed stay at their base value.
///
/// Joint draws use a Gaussian copula: independent standard normal scores
/// are correlated by the Cholesky factor of the normal-score correlation
/// matrix, whose entries are 2 sin(πρ/6) for a Spearman ρ (the exact
/// relation for a bivariate normal, so the draws' rank correlation is ρ);
/// each score is mapped through Φ and then the parameter's quantile function.
public struct ParameterUncertainty: Sendable {
    /// The uncertain parameters, in the order their values are returned.
    public let parameters: [UncertainParameter]
    /// The rank correlations between them (pairs not listed are independent).
    public let correlations: [RankCorrelation]
    /// Lower-triangular, row-major n × n.
    let cholesky: [Double]

    /// - Throws: ``UncertaintyError`` naming the problem: a parameter
    ///   listed twice, a correlation with a parameter not listed or with
    ///   itself, or correlations that no joint distribution can have.
    public init(parameters: [UncertainParameter], correlations: [RankCorrelation] = []) throws(UncertaintyError) {
        let names = parameters.map(\.name)
        for (index, name) in names.enumerated() where names[..<index].contains(name) {
            throw .duplicate(name)
        }
        let n = names.count
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 1 }
        for correlation in correlations {
            guard let i = names.firstIndex(of: correlation.first) else { throw .unknownInCorrelation(correlation.first) }
            guard let j = names.firstIndex(of: correlation.second) else { throw .unknownInCorrelation(correlation.second) }
            guard i != j else { throw .selfCorrelation(correlation.first) }
            guard matrix[i * n + j] == 0 else { throw .duplicateCorrelation(correlation.first, correlation.second) }
            let r = 2 * Self.sine(Double.pi * correlation.rho / 6)
            matrix[i * n + j] = r
            matrix[j * n + i] = r
        }
        guard let factor = Self.choleskyFactor(matrix, n) else { throw .notPositiveDefinite }
        self.parameters = parameters
        self.correlations = correlations
        cholesky = factor
    }

    /// The parameters' scenario names, in order.
    public var names: [String] { parameters.map(\.name) }

    /// Parameter values from independent standard normal scores `z` (one per
    /// parameter, in order): correlated, then through Φ and each quantile.
    public func values(normalScores z: [Double]) throws(StatisticsError) -> [Double] {
        let n = parameters.count
        var result: [Double] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            var score = 0.0
            for k in 0...i { score += cholesky[i * n + k] * z[k] }
            // Φ of a finite score can round to 0 or 1; keep it inside (0, 1).
            let p = min(max(Normal.cdf(score), Double.ulpOfOne), 1 - Double.ulpOfOne)
            result.append(try parameters[i].quantile(p))
        }
        return result
    }

    /// `base` with every uncertain parameter set to `values` (in order).
    public func apply(_ values: [Double], to base: ModelParameters) -> ModelParameters {
        var parameters = base
        for (parameter, value) in zip(self.parameters, values) { parameters[keyPath: parameter.spec.keyPath] = value }
        return parameters
    }

    /// Cholesky–Banachiewicz; nil unless symmetric positive definite.
    static func choleskyFactor(_ a: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-12 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        return l
    }

    /// sin(x) for |x| ≤ π/6 by its Taylor series (error < 1e-16 there), so
    /// that the core needs no libm import for one function.
    static func sine(_ x: Double) -> Double {
        var term = x, sum = x
        for k in 1...10 {
            term *= -x * x / Double((2 * k) * (2 * k + 1))
            sum += term
        }
        return sum
    }
}

/// Why an uncertainty block cannot be used.
public enum UncertaintyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter listed twice.
    case duplicate(String)
    /// A correlation names a parameter that is not listed.
    case unknownInCorrelation(String)
    /// A correlation of a parameter with itself.
    case selfCorrelation(String)
    /// The same pair correlated twice.
    case duplicateCorrelation(String, String)
    /// The correlations together are not those of any joint distribution.
    case notPositiveDefinite

    public var description: String {
        switch self {
        case .duplicate(let name): "'\(name)' is given a distribution twice"
        case .unknownInCorrelation(let name): "'\(name)' is correlated but has no distribution; give it one under 'parameters'"
        case .selfCorrelation(let name): "'\(name)' is correlated with itself"
        case let .duplicateCorrelation(a, b): "the correlation of '\(a)' and '\(b)' is given twice"
        case .notPositiveDefinite:
            "these rank correlations cannot hold together (the correlation matrix is not positive definite); weaken some"
        }
    }
}
