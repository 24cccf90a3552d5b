import CGSLBench

/// A GSL generator driven directly through the C API, for the comparison of
/// generators (taus2, the engine's, against mt19937) and of the toy
/// person-week quoted in issue #6.
public final class RawGenerator {
    public enum Kind: String, CaseIterable, Sendable { case taus2, mt19937 }

    let rng: UnsafeMutablePointer<gsl_rng>

    public init(_ kind: Kind, seed: UInt = 1) {
        let type = kind == .taus2 ? bench_rng_taus2() : bench_rng_mt19937()
        guard let rng = gsl_rng_alloc(type) else { fatalError("gsl_rng_alloc failed") }
        gsl_rng_set(rng, seed)
        self.rng = rng
    }

    deinit { gsl_rng_free(rng) }

    @inline(never)
    public func uniforms(_ count: Int) -> Double {
        var sum = 0.0
        for _ in 0..<count { sum += gsl_rng_uniform(rng) }
        return sum
    }

    @inline(never)
    public func gaussians(_ count: Int) -> Double {
        var sum = 0.0
        for _ in 0..<count { sum += gsl_ran_gaussian_ziggurat(rng, 1) }
        return sum
    }

    /// Issue #6's toy person-week, `count` times: 4 Bernoulli and 2 Gaussian
    /// draws and a few flops of state per person-week.
    @inline(never)
    public func toyPersonWeeks(_ count: Int) -> Double {
        var pain = 5.0, fitness = 0.0
        for _ in 0..<count {
            var done = 0
            for _ in 0..<4 where gsl_rng_uniform(rng) < 0.7 { done += 1 }
            let fluctuation = gsl_ran_gaussian_ziggurat(rng, 1)
            let report = gsl_ran_gaussian_ziggurat(rng, 1)
            fitness = 0.9 * fitness + 0.1 * Double(done)
            pain = 0.95 * pain + 0.05 * (5 - fitness) + 0.2 * fluctuation + 0.1 * report
        }
        return pain
    }
}
