import BackSimCore
import Foundation
import Stochastics

/// A model parameter to fit, with the bounds it must stay in and where the
/// search starts.
public struct CalibrationParameter: Sendable {
    public let spec: ParameterSpec
    /// Finite, inside the catalogue's range.
    public let bounds: ClosedRange<Double>
    /// Strictly inside `bounds`.
    public let start: Double

    /// - Parameters:
    ///   - bounds: default the catalogue's range; must lie inside it and be
    ///     finite with low < high.
    ///   - start: default the shipped default; a start on a bound is moved 1%
    ///     of the width inside (the transform below is infinite at the bounds).
    public init(_ spec: ParameterSpec, bounds: ClosedRange<Double>? = nil, start: Double? = nil) throws(CalibrationError) {
        let bounds = bounds ?? spec.range
        guard bounds.lowerBound.isFinite, bounds.upperBound.isFinite, bounds.lowerBound < bounds.upperBound else {
            throw .invalidBounds(spec.name, "bounds \(bounds.lowerBound.compact) to \(bounds.upperBound.compact) must be finite with low < high")
        }
        guard spec.range.contains(bounds.lowerBound), spec.range.contains(bounds.upperBound) else {
            throw .invalidBounds(spec.name, "bounds \(bounds.lowerBound.compact) to \(bounds.upperBound.compact) leave the accepted range \(spec.range.lowerBound.compact) to \(spec.range.upperBound.compact)")
        }
        let start = start ?? spec.defaultValue
        guard bounds.contains(start) else {
            throw .invalidBounds(spec.name, "start \(start.compact) is outside the bounds \(bounds.lowerBound.compact) to \(bounds.upperBound.compact)")
        }
        let inset = 0.01 * (bounds.upperBound - bounds.lowerBound)
        self.spec = spec
        self.bounds = bounds
        self.start = min(max(start, bounds.lowerBound + inset), bounds.upperBound - inset)
    }

    var width: Double { bounds.upperBound - bounds.lowerBound }

    /// The bounded value of an unbounded search coordinate y:
    /// x = low + (high − low) / (1 + e^(−y)). Every y gives an x strictly
    /// inside the bounds, so the simplex searches freely and never leaves them.
    func value(_ y: Double) -> Double {
        let x = bounds.lowerBound + width / (1 + exp(-y))
        return min(max(x, bounds.lowerBound), bounds.upperBound)
    }

    /// The search coordinate of a value strictly inside the bounds.
    func coordinate(_ x: Double) -> Double {
        let s = (x - bounds.lowerBound) / width
        return log(s / (1 - s))
    }

    /// The initial simplex step, in search coordinates: a move of about 10%
    /// of the start value (at least 2% of the width) in the parameter's unit.
    var initialStep: Double {
        let s = (start - bounds.lowerBound) / width
        let slope = width * s * (1 - s)  // dx/dy at the start
        return max(0.1 * abs(start), 0.02 * width) / slope
    }
}

/// Why a calibration could not start or finish.
public enum CalibrationError: Error, CustomStringConvertible {
    case invalidBounds(String, String)
    case noGatingTargets
    case minimization(MinimizationError)

    public var description: String {
        switch self {
        case .invalidBounds(let name, let reason): "\(name): \(reason)"
        case .noGatingTargets: "no gating targets to fit (known gaps are reported, not fitted)"
        case .minimization(let error): error.description
        }
    }
}

/// One step of the search, for progress reports.
public struct CalibrationProgress: Sendable {
    public let iteration: Int
    public let evaluations: Int
    /// The best objective so far.
    public let objective: Double
    /// The simplex's size, in search coordinates.
    public let size: Double
    /// The best parameter values so far, in calibration order.
    public let values: [Double]
}

/// Fits model parameters to evidence targets with GSL's Nelder-Mead simplex.
///
/// The objective is Σ ``TargetLoss`` over the gating targets, each on its
/// smooth estimate (``TargetEstimate/smooth``): every evaluation re-runs the
/// same simulations with the same seeds (common random numbers), so the
/// objective is a deterministic function of the parameters, continuous in
/// pain and disability (expected reports given latent pain, unrounded
/// scores), and a fine-grained step function in the shares (adherence,
/// retention: proportions of Bernoulli events, one step per person).
///
/// Bounds are kept by a logistic transform (not a penalty): the simplex
/// searches an unbounded coordinate y per parameter and the model sees
/// x = low + (high − low)·logistic(y).
public struct Calibrator: Sendable {
    public let runner: EvidenceRunner
    public let parameters: [CalibrationParameter]
    public let loss: TargetLoss
    public let options: NelderMead.Options
    /// Model parameters held at these values in every evaluation (`--set`),
    /// before the fitted ones.
    public var fixed: [ParameterValue] = []

    /// - Parameter options: `sizeTolerance` is in search coordinates; a
    ///   target value is set to 0 (stop once every gating target is inside
    ///   its zero interval) unless given.
    public init(runner: EvidenceRunner, parameters: [CalibrationParameter], loss: TargetLoss = TargetLoss(),
                options: NelderMead.Options = NelderMead.Options(sizeTolerance: 1e-3, maximumEvaluations: 400)) {
        self.runner = runner
        self.parameters = parameters
        self.loss = loss
        var options = options
        if options.targetValue == nil { options.targetValue = 0 }
        self.options = options
    }

    /// With the simplex's size tolerance (search coordinates) and evaluation limit.
    public init(runner: EvidenceRunner, parameters: [CalibrationParameter], loss: TargetLoss = TargetLoss(),
                sizeTolerance: Double, maximumEvaluations: Int) {
        self.init(runner: runner, parameters: parameters, loss: loss,
                  options: NelderMead.Options(sizeTolerance: sizeTolerance, maximumEvaluations: maximumEvaluations))
    }

    /// Parameter values for a point in search coordinates.
    func values(_ coordinates: [Double]) -> [ParameterValue] {
        zip(parameters, coordinates).map { ParameterValue($0.spec, $0.value($1)) }
    }

    /// The objective at parameter values (in calibration order), with the
    /// estimates it was computed from.
    public func objective(at values: [Double]) throws -> (objective: Double, estimates: [TargetEstimate]) {
        let estimates = try runner.evaluate(
            parameters: fixed + zip(parameters, values).map { ParameterValue($0.spec, $1) }, expectations: true)
        return (total(estimates), estimates)
    }

    func total(_ estimates: [TargetEstimate]) -> Double {
        estimates.filter(\.target.gating).reduce(0) { $0 + loss($1.smooth, $1.target.published) }
    }

    /// Runs the search from the parameters' starts.
    public func run(progress: ((CalibrationProgress) -> Void)? = nil) throws(CalibrationError) -> CalibrationResult {
        guard runner.targets.contains(where: \.gating) else { throw .noGatingTargets }
        let start = parameters.map { $0.coordinate($0.start) }
        let steps = parameters.map(\.initialStep)
        let search: NelderMead.Result
        do {
            search = try NelderMead.minimize(
                start: start, steps: steps, options: options,
                progress: { iteration in
                    progress?(CalibrationProgress(
                        iteration: iteration.number, evaluations: iteration.evaluations, objective: iteration.value,
                        size: iteration.size, values: values(iteration.point).map(\.value)))
                },
                objective: { point in try total(runner.evaluate(parameters: fixed + values(point), expectations: true)) })
        } catch {
            throw .minimization(error)
        }
        let fitted = values(search.point).map(\.value)
        let estimates: [TargetEstimate]
        do { estimates = try objective(at: fitted).estimates } catch { throw .minimization(.objective(error)) }
        return CalibrationResult(
            parameters: parameters, fitted: fitted, estimates: estimates, loss: loss, objective: search.value,
            iterations: search.iterations, evaluations: search.evaluations, size: search.size, stop: search.stop)
    }
}

/// What a calibration found.
public struct CalibrationResult: Sendable {
    public let parameters: [CalibrationParameter]
    /// In the order of ``parameters``.
    public let fitted: [Double]
    /// Every target at the fitted values (smooth estimates recorded).
    public let estimates: [TargetEstimate]
    public let loss: TargetLoss
    public let objective: Double
    public let iterations: Int
    public let evaluations: Int
    /// The final simplex size, in search coordinates.
    public let size: Double
    public let stop: NelderMead.Stop

    public var converged: Bool { stop != .evaluationLimit }

    /// Each target's loss at the fitted values (known gaps included, though
    /// they are not part of the objective).
    public func loss(of estimate: TargetEstimate) -> Double { loss(estimate.smooth, estimate.target.published) }
}
