import CGSL

/// Derivative-free minimisation with GSL's Nelder-Mead simplex
/// (`gsl_multimin_fminimizer_nmsimplex2`, the O(n) variant of Nelder & Mead
/// 1965 that GSL recommends).
///
/// Meant for objectives without gradients, such as a simulation run under
/// common random numbers. Unconstrained: bounds are the caller's (transform
/// the parameters, or penalise).
///
/// The objective is a Swift closure. It reaches GSL's C callback through the
/// callback's `void *params` pointer: an unretained reference to a context
/// object, kept alive by `withExtendedLifetime` for the whole minimisation,
/// recovered in a `@convention(c)` trampoline that captures nothing.
public enum NelderMead {
    /// When to stop.
    public struct Options: Sendable {
        /// Stop once the simplex's characteristic size (GSL's
        /// `gsl_multimin_fminimizer_size`: the mean distance of the vertices
        /// from their centre) falls to this, in the parameters' own units.
        public var sizeTolerance: Double
        /// Stop after the iteration during which the objective has been
        /// evaluated this many times (an iteration takes at most n + 2
        /// evaluations, so the count can overshoot by up to n + 1).
        public var maximumEvaluations: Int
        /// Stop as soon as the best value is at or below this (for an
        /// objective known to be bounded below, e.g. a loss that is 0 when
        /// every target is met). Nil: never.
        public var targetValue: Double?

        /// Options; the defaults suit objectives of order 1.
        public init(sizeTolerance: Double = 1e-4, maximumEvaluations: Int = 1_000, targetValue: Double? = nil) {
            self.sizeTolerance = sizeTolerance
            self.maximumEvaluations = maximumEvaluations
            self.targetValue = targetValue
        }
    }

    /// The state after one iteration (for progress reports).
    public struct Iteration: Sendable {
        /// 1 for the first iteration after the initial simplex.
        public let number: Int
        /// Objective evaluations so far, the initial simplex's included.
        public let evaluations: Int
        /// The best vertex and its value.
        public let point: [Double]
        /// The best vertex's objective value.
        public let value: Double
        /// The simplex's characteristic size.
        public let size: Double
    }

    /// Why the minimisation stopped.
    public enum Stop: Equatable, Sendable {
        /// The simplex shrank to ``Options/sizeTolerance``: converged.
        case sizeTolerance
        /// The best value reached ``Options/targetValue``: converged.
        case targetValue
        /// ``Options/maximumEvaluations`` were used first: not converged.
        case evaluationLimit
    }

    /// What a minimisation found and why it stopped.
    public struct Result: Sendable {
        /// The best vertex found and its value.
        public let point: [Double]
        /// The objective value at ``point``.
        public let value: Double
        /// Iterations after the initial simplex.
        public let iterations: Int
        /// Objective evaluations, the initial simplex's included.
        public let evaluations: Int
        /// The simplex's characteristic size at the end.
        public let size: Double
        /// Why it stopped.
        public let stop: Stop

        /// Whether a convergence criterion, not the evaluation limit, stopped it.
        public var converged: Bool { stop != .evaluationLimit }
    }

    /// Minimises `objective` from `start`, with the initial simplex made of
    /// `start` and `start + steps[i]·eᵢ`.
    ///
    /// Non-finite objective values are allowed after the initial simplex (GSL
    /// treats such a point as worse than any other, which makes +∞ a way to
    /// mark an infeasible region); in the initial simplex they are a GSL error.
    ///
    /// - Parameters:
    ///   - start: the starting point, n ≥ 1 finite values.
    ///   - steps: n finite, non-zero initial step sizes.
    ///   - options: tolerances and the evaluation limit.
    ///   - progress: called after every iteration.
    ///   - objective: the function to minimise. If it throws, minimisation
    ///     stops and the error is rethrown as ``MinimizationError/objective(_:)``.
    /// - Throws: ``MinimizationError``: invalid arguments (checked before any
    ///   GSL call), a GSL status other than success (as ``GSLError``), or the
    ///   objective's own error.
    public static func minimize(
        start: [Double], steps: [Double], options: Options = Options(),
        progress: ((Iteration) -> Void)? = nil,
        objective: ([Double]) throws -> Double
    ) throws(MinimizationError) -> Result {
        try validate(start: start, steps: steps, options: options)
        GSLRuntime.prepare()
        return try withoutActuallyEscaping(objective) { objective throws(MinimizationError) -> Result in
            let context = ObjectiveContext(dimension: start.count, objective: objective)
            return try withExtendedLifetime(context) { () throws(MinimizationError) -> Result in
                try run(context, start: start, steps: steps, options: options, progress: progress)
            }
        }
    }

    private static func validate(start: [Double], steps: [Double], options: Options) throws(MinimizationError) {
        guard !start.isEmpty else { throw .invalidArgument("no parameters to minimise over") }
        guard steps.count == start.count else {
            throw .invalidArgument("\(steps.count) step sizes for \(start.count) parameters")
        }
        if let index = start.firstIndex(where: { !$0.isFinite }) {
            throw .invalidArgument("start[\(index)] is \(start[index]); every starting value must be finite")
        }
        if let index = steps.firstIndex(where: { !$0.isFinite || $0 == 0 }) {
            throw .invalidArgument("steps[\(index)] is \(steps[index]); every step must be finite and non-zero")
        }
        guard options.sizeTolerance >= 0, options.sizeTolerance.isFinite else {
            throw .invalidArgument("size tolerance \(options.sizeTolerance) must be finite and at least 0")
        }
        guard options.maximumEvaluations >= start.count + 1 else {
            throw .invalidArgument(
                "at most \(options.maximumEvaluations) evaluations; the initial simplex alone takes \(start.count + 1)")
        }
        if let target = options.targetValue, target.isNaN { throw .invalidArgument("target value is NaN") }
    }

    private static func run(
        _ context: ObjectiveContext, start: [Double], steps: [Double], options: Options,
        progress: ((Iteration) -> Void)?
    ) throws(MinimizationError) -> Result {
        let n = start.count
        guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), n) else {
            throw .gsl(GSLError(code: CGSL_ENOMEM, operation: "gsl_multimin_fminimizer_alloc(nmsimplex2, \(n))"))
        }
        defer { gsl_multimin_fminimizer_free(minimizer) }
        guard let x = gsl_vector_alloc(n) else {
            throw .gsl(GSLError(code: CGSL_ENOMEM, operation: "gsl_vector_alloc(\(n))"))
        }
        defer { gsl_vector_free(x) }
        guard let stepSizes = gsl_vector_alloc(n) else {
            throw .gsl(GSLError(code: CGSL_ENOMEM, operation: "gsl_vector_alloc(\(n))"))
        }
        defer { gsl_vector_free(stepSizes) }
        for index in 0..<n {
            gsl_vector_set(x, index, start[index])
            gsl_vector_set(stepSizes, index, steps[index])
        }
        // The minimiser keeps a pointer to the function structure: it needs a
        // stable address for the whole run, so it is allocated, not a local.
        let function = UnsafeMutablePointer<gsl_multimin_function>.allocate(capacity: 1)
        defer { function.deallocate() }
        function.initialize(to: gsl_multimin_function(
            f: objectiveTrampoline, n: n, params: Unmanaged.passUnretained(context).toOpaque()))
        defer { function.deinitialize(count: 1) }

        let setStatus = gsl_multimin_fminimizer_set(minimizer, function, x, stepSizes)
        try context.rethrowFailure()
        try check(setStatus, "gsl_multimin_fminimizer_set(nmsimplex2)")

        var iterations = 0
        while true {
            // GSL sets the minimiser's `fval` and `x` in `iterate`, not in
            // `set`: before the first iteration the best vertex is the best
            // of the initial simplex's evaluations, which the context tracks.
            let point = iterations == 0 ? context.bestPoint : vector(gsl_multimin_fminimizer_x(minimizer), count: n)
            let value = iterations == 0 ? context.bestValue : gsl_multimin_fminimizer_minimum(minimizer)
            let size = gsl_multimin_fminimizer_size(minimizer)
            func result(_ stop: Stop) -> Result {
                Result(point: point, value: value, iterations: iterations, evaluations: context.evaluations,
                       size: size, stop: stop)
            }
            if iterations > 0 {
                progress?(Iteration(number: iterations, evaluations: context.evaluations, point: point,
                                    value: value, size: size))
            }
            if let target = options.targetValue, value <= target { return result(.targetValue) }
            if iterations > 0 && size <= options.sizeTolerance { return result(.sizeTolerance) }
            if context.evaluations >= options.maximumEvaluations { return result(.evaluationLimit) }

            let status = gsl_multimin_fminimizer_iterate(minimizer)
            try context.rethrowFailure()
            try check(status, "gsl_multimin_fminimizer_iterate(nmsimplex2)")
            iterations += 1
        }
    }

    private static func check(_ status: Int32, _ operation: String) throws(MinimizationError) {
        do { try GSLError.check(status, operation) } catch { throw .gsl(error) }
    }
}

/// Why ``NelderMead/minimize(start:steps:options:progress:objective:)`` failed.
public enum MinimizationError: Error, CustomStringConvertible {
    /// The arguments were refused before any GSL call.
    case invalidArgument(String)
    /// GSL returned a status other than success (e.g. `GSL_EBADFUNC` for a
    /// non-finite value in the initial simplex, `GSL_ENOMEM`).
    case gsl(GSLError)
    /// The objective threw; minimisation stopped at that evaluation.
    case objective(any Error)

    public var description: String {
        switch self {
        case .invalidArgument(let reason): "Nelder-Mead: \(reason)"
        case .gsl(let error): "Nelder-Mead: \(error)"
        case .objective(let error): "\(error)"
        }
    }
}

/// What the C callback reaches through `void *params`: the objective, the
/// evaluation count and the first error the objective threw.
private final class ObjectiveContext {
    let dimension: Int
    let objective: ([Double]) throws -> Double
    var evaluations = 0
    var failure: (any Error)?
    /// The lowest value seen and where (NaN never counts as lower).
    var bestValue = Double.infinity
    var bestPoint: [Double] = []
    /// Reused for every evaluation.
    var point: [Double]

    init(dimension: Int, objective: @escaping ([Double]) throws -> Double) {
        self.dimension = dimension
        self.objective = objective
        point = Array(repeating: 0, count: dimension)
    }

    func evaluate(_ x: UnsafePointer<gsl_vector>) -> Double {
        // After a failure GSL may still ask for values within the same
        // iteration; NaN makes it give up on the point without calling us
        // with meaning. The failure is rethrown once GSL returns.
        guard failure == nil else { return .nan }
        let vector = x.pointee
        for index in 0..<dimension { point[index] = vector.data[index * vector.stride] }
        evaluations += 1
        do {
            let value = try objective(point)
            if bestPoint.isEmpty || bestValue.isNaN || value < bestValue {
                bestValue = value
                bestPoint = point
            }
            return value
        } catch {
            failure = error
            return .nan
        }
    }

    func rethrowFailure() throws(MinimizationError) {
        if let failure { throw .objective(failure) }
    }
}

/// The C callback: recovers the context from `params` and evaluates. It
/// captures nothing (a `@convention(c)` function cannot).
private let objectiveTrampoline: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = {
    x, params in
    guard let x, let params else { return .nan }
    return Unmanaged<ObjectiveContext>.fromOpaque(params).takeUnretainedValue().evaluate(x)
}

/// The elements of a GSL vector.
private func vector(_ v: UnsafeMutablePointer<gsl_vector>?, count: Int) -> [Double] {
    guard let v else { return [] }
    let vector = v.pointee
    return (0..<count).map { vector.data[$0 * vector.stride] }
}
