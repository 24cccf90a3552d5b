import CGSL

/// One GSL generator (`taus2`), owned by Swift, re-seeded for each stream.
///
/// `taus2` (L'Ecuyer 1996, maximally equidistributed combined Tausworthe,
/// period about 2^88) was chosen by measurement: about twice the speed of
/// `mt19937` here (see `docs/randomness.md`).
///
/// Seeding: `gsl_rng_set` seeds `taus2` from 32 bits only, which would make
/// distinct (person, purpose) streams collide in large cohorts. ``reseed(_:)``
/// instead writes all 88 state bits through `gsl_rng_state`, which the GSL
/// manual documents for direct state access, applying the same lower bounds
/// and six-step warm-up as `taus2_set`.
///
/// Not thread-safe and not `Sendable`: make one per worker, inside the worker.
public final class RandomStream {
    @usableFromInline
    let generator: UnsafeMutablePointer<gsl_rng>
    @usableFromInline
    let words: UnsafeMutablePointer<UInt>

    /// Allocates a `taus2` generator.
    public init() throws(GSLError) {
        GSLRuntime.prepare()
        guard let generator = gsl_rng_alloc(cgsl_rng_taus2()) else {
            throw GSLError(code: CGSL_ENOMEM, operation: "gsl_rng_alloc(taus2)")
        }
        // taus2's state is three `unsigned long` words (s1, s2, s3).
        guard gsl_rng_size(generator) == 3 * MemoryLayout<UInt>.size,
              let raw = gsl_rng_state(generator) else {
            gsl_rng_free(generator)
            throw GSLError(code: CGSL_EINVAL, operation: "taus2 state layout check")
        }
        self.generator = generator
        self.words = raw.bindMemory(to: UInt.self, capacity: 3)
    }

    deinit { gsl_rng_free(generator) }

    /// Starts the stream named by `key`.
    @inlinable
    public func reseed(_ key: StreamKey) {
        let (a, b, c) = key.derivedState
        setState(UInt(truncatingIfNeeded: a), UInt(truncatingIfNeeded: b), UInt(truncatingIfNeeded: c))
    }

    /// Seeds exactly as `gsl_rng_set(taus2, seed)` does (for tests and for
    /// reproducing GSL's own reference sequences).
    public func reseed(gslSeed: UInt) {
        gsl_rng_set(generator, gslSeed)
    }

    @usableFromInline
    func setState(_ a: UInt, _ b: UInt, _ c: UInt) {
        let mask: UInt = 0xFFFF_FFFF
        // taus2 needs s1 > 1, s2 > 7, s3 > 15.
        var s1 = a & mask; if s1 < 2 { s1 += 2 }
        var s2 = b & mask; if s2 < 8 { s2 += 8 }
        var s3 = c & mask; if s3 < 16 { s3 += 16 }
        words[0] = s1; words[1] = s2; words[2] = s3
        for _ in 0..<6 { _ = gsl_rng_get(generator) }
    }

    // MARK: Variates. Each is one GSL call. uniform, uniformPositive,
    // bernoulli and next consume exactly one raw output. The rejection
    // samplers (gaussian, beta, gamma, poisson, lognormal) consume a number
    // of raw outputs that depends on the stream's state *and their
    // parameters*: a caller that needs aligned streams must make the same
    // calls with the same parameters whatever the policy (the engine only
    // calls gaussian(sd: 1) on weekly streams and scales afterwards).

    /// Uniform on [0, 1), 32-bit resolution.
    @inlinable public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Uniform on (0, 1).
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// `true` with probability `p` (one uniform). `p` outside [0, 1] acts as clamped.
    @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(generator) < p }

    /// Normal(0, sd²) by GSL's ziggurat (Marsaglia-Tsang).
    @inlinable public func gaussian(sd: Double = 1) -> Double { gsl_ran_gaussian_ziggurat(generator, sd) }

    /// Beta(a, b); requires a, b > 0 (checked by callers' validators).
    @inlinable public func beta(_ a: Double, _ b: Double) -> Double { gsl_ran_beta(generator, a, b) }

    /// Log-normal with log-mean `mu` and log-sd `sigma`.
    @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(generator, mu, sigma) }

    /// Gamma with shape `shape` and scale `scale`.
    @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(generator, shape, scale) }

    /// Exponential with mean `mean`.
    @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(generator, mean) }

    /// Poisson with mean `mean`.
    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(generator, mean)) }

    /// Raw 32-bit output of the generator.
    @inlinable public func next() -> UInt { gsl_rng_get(generator) }
}
