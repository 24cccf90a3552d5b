import Stochastics
import Testing

/// The Nelder-Mead wrapper against functions whose minima are known exactly.
struct NelderMeadTests {
    /// Rosenbrock's banana function, minimum 0 at (1, 1), from the classic
    /// start (−1.2, 1) (Rosenbrock 1960; the GSL manual's multimin example
    /// minimises a paraboloid, this is the standard harder case).
    @Test("Rosenbrock from (−1.2, 1) reaches (1, 1)")
    func rosenbrock() throws {
        let result = try NelderMead.minimize(
            start: [-1.2, 1], steps: [0.5, 0.5],
            options: .init(sizeTolerance: 1e-8, maximumEvaluations: 5_000)
        ) { x in
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            return a * a + 100 * b * b
        }
        #expect(result.stop == .sizeTolerance)
        #expect(result.converged)
        // Near the minimum f ≈ quadratic; a simplex of size 1e-8 pins x to
        // well within 1e-4 even along the valley's flat direction.
        #expect(isClose(result.point[0], 1, within: 1e-4))
        #expect(isClose(result.point[1], 1, within: 1e-4))
        #expect(result.value < 1e-8)
        #expect(result.evaluations <= 5_000 + 3)
    }

    /// A shifted, scaled quadratic in 4 dimensions, minimum 7 at c.
    @Test("A 4-dimensional quadratic reaches its known minimum")
    func quadratic() throws {
        let centre = [3.0, -2.0, 0.5, 10.0], scale = [1.0, 4.0, 0.25, 9.0]
        let result = try NelderMead.minimize(
            start: [0, 0, 0, 0], steps: [1, 1, 1, 1],
            options: .init(sizeTolerance: 1e-7, maximumEvaluations: 10_000)
        ) { x in
            var total = 7.0
            for index in x.indices {
                let d = x[index] - centre[index]
                total += scale[index] * d * d
            }
            return total
        }
        #expect(result.converged)
        for index in centre.indices {
            #expect(isClose(result.point[index], centre[index], within: 1e-4), "x[\(index)]")
        }
        #expect(isClose(result.value, 7, within: 1e-9))
    }

    @Test("One dimension works, and progress is reported once per iteration")
    func progress() throws {
        var reported: [NelderMead.Iteration] = []
        let result = try NelderMead.minimize(
            start: [5], steps: [1], options: .init(sizeTolerance: 1e-6),
            progress: { reported.append($0) }
        ) { x in (x[0] - 2) * (x[0] - 2) }
        #expect(isClose(result.point[0], 2, within: 1e-5))
        #expect(reported.count == result.iterations)
        #expect(reported.map(\.number) == Array(1...result.iterations))
        // The best value never gets worse from one iteration to the next.
        for (earlier, later) in zip(reported, reported.dropFirst()) { #expect(later.value <= earlier.value) }
        #expect(reported.last?.evaluations == result.evaluations)
    }

    @Test("The evaluation limit stops an unfinished minimisation and says so")
    func evaluationLimit() throws {
        let result = try NelderMead.minimize(
            start: [-1.2, 1], steps: [0.5, 0.5], options: .init(sizeTolerance: 1e-12, maximumEvaluations: 20)
        ) { x in
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            return a * a + 100 * b * b
        }
        #expect(result.stop == .evaluationLimit)
        #expect(!result.converged)
        #expect(result.evaluations >= 20 && result.evaluations <= 20 + 3)
    }

    @Test("A target value stops as soon as it is reached")
    func targetValue() throws {
        // Zero on the whole disc of radius 1 around (4, 4): any point of it will do.
        let result = try NelderMead.minimize(
            start: [0, 0], steps: [1, 1], options: .init(sizeTolerance: 1e-9, targetValue: 0)
        ) { x in
            let r = ((x[0] - 4) * (x[0] - 4) + (x[1] - 4) * (x[1] - 4)).squareRoot()
            return max(0, r - 1) * max(0, r - 1)
        }
        #expect(result.stop == .targetValue)
        #expect(result.value == 0)
    }

    @Test("A target already met in the initial simplex stops before the first iteration, at that vertex")
    func targetMetByTheInitialSimplex() throws {
        // Zero for x ≥ 1 only: the start (0) misses, the vertex 0 + 2 meets it.
        var calls = 0
        let result = try NelderMead.minimize(start: [0], steps: [2], options: .init(targetValue: 0)) { x in
            calls += 1
            return max(0, 1 - x[0])
        }
        #expect(result.stop == .targetValue)
        #expect(result.iterations == 0)
        #expect(result.point == [2])
        #expect(result.value == 0)
        #expect(calls == 2 && result.evaluations == 2)
    }

    struct Deliberate: Error, Equatable {}

    @Test("An error thrown by the objective stops the minimisation and comes back")
    func objectiveError() throws {
        var calls = 0
        #expect {
            _ = try NelderMead.minimize(start: [0, 0], steps: [1, 1]) { x in
                calls += 1
                if calls == 7 { throw Deliberate() }
                return x[0] * x[0] + x[1] * x[1] + 1
            }
        } throws: { error in
            guard case .objective(let inner) = error as? MinimizationError else { return false }
            return inner is Deliberate
        }
        #expect(calls == 7)
    }

    @Test("A non-finite value in the initial simplex is GSL's EBADFUNC, as a typed error")
    func nonFiniteStart() throws {
        #expect {
            _ = try NelderMead.minimize(start: [0], steps: [1]) { x in x[0] == 0 ? .nan : 1 }
        } throws: { error in
            guard case .gsl(let gsl) = error as? MinimizationError else { return false }
            return gsl.code == 9  // GSL_EBADFUNC
        }
    }

    @Test("Infinite values after the start mark an infeasible region")
    func infeasibleRegion() throws {
        // Minimum of (x − 3)² subject to x ≤ 2: at the boundary 2.
        let result = try NelderMead.minimize(start: [0], steps: [0.5], options: .init(sizeTolerance: 1e-7)) { x in
            x[0] > 2 ? .infinity : (x[0] - 3) * (x[0] - 3)
        }
        #expect(isClose(result.point[0], 2, within: 1e-5))
    }

    @Test("Invalid arguments are refused before GSL sees them", arguments: [
        ([Double](), [Double]()), ([1.0], [1.0, 1.0]), ([Double.nan], [1.0]), ([1.0], [0.0]), ([1.0], [Double.infinity]),
    ])
    func invalidArguments(start: [Double], steps: [Double]) {
        #expect {
            _ = try NelderMead.minimize(start: start, steps: steps) { _ in 0 }
        } throws: { error in
            if case .invalidArgument = error as? MinimizationError { return true }
            return false
        }
    }

    @Test("Too few evaluations for the initial simplex are refused")
    func tooFewEvaluations() {
        #expect {
            _ = try NelderMead.minimize(start: [1, 2], steps: [1, 1], options: .init(maximumEvaluations: 2)) { _ in 0 }
        } throws: { error in
            if case .invalidArgument = error as? MinimizationError { return true }
            return false
        }
    }
}
