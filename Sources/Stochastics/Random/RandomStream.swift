import CGSL

/// One `taus2` stream, re-seeded for each key: the generator and the
/// Gaussian variates in inlinable Swift (``Taus2``, ``GaussianZiggurat``),
/// GSL for the variates drawn a few times per person (beta, gamma, …).
///
/// `taus2` (L'Ecuyer 1996, maximally equidistributed combined Tausworthe,
/// period about 2^88) was chosen by measurement: about twice the speed of
/// `mt19937` here (see `docs/randomness.md`). The Swift generator and
/// ziggurat reproduce GSL's `gsl_rng_taus2` and `gsl_ran_gaussian_ziggurat`
/// bit for bit on the same state (tested), so a stream's values are GSL's.
///
/// Seeding: `gsl_rng_set` seeds `taus2` from 32 bits only, which would make
/// distinct (person, purpose) streams collide in large cohorts. ``reseed(_:)``
/// instead fills all 88 state bits, applying the same lower bounds and
/// six-step warm-up as `taus2_set`. A key also names numbered sub-streams
/// (``startSubStreams(_:)``, ``enterSubStream(_:)``): short streams whose
/// start is a pure function of (key, index), entered in any order, for
/// draws that must keep their place whatever was drawn before them.
///
/// Not thread-safe and not `Sendable`: make one per worker, inside the worker.
public final class RandomStream {
    /// The state the Swift variates advance; a pointer, so that drawing
    /// makes no exclusivity check.
    @usableFromInline
    let state: UnsafeMutablePointer<Taus2>
    /// GSL's `taus2`, for the variates not written in Swift: the state is
    /// copied in before and back after each such call.
    @usableFromInline
    let generator: UnsafeMutablePointer<gsl_rng>
    @usableFromInline
    let words: UnsafeMutablePointer<UInt>
    /// Every variate through GSL's generic interface, as before the Swift
    /// generator (the benchmarks' baseline; same values, slower).
    @usableFromInline
    let throughGSL: Bool
    /// ``GaussianZiggurat/strips``, held here so a draw reads no global.
    @usableFromInline
    let strips: UnsafePointer<GaussianZiggurat.Strip>
    /// The word this stream's sub-streams derive from (``startSubStreams(_:)``).
    @usableFromInline @exclusivity(unchecked)
    var subStreamBase: UInt64 = 0

    /// Allocates a `taus2` stream.
    public convenience init() throws(GSLError) { try self.init(throughGSL: false) }

    /// - Parameter throughGSL: draw every variate by calling GSL (for
    ///   benchmarks and tests comparing the two; the values are the same).
    public init(throughGSL: Bool) throws(GSLError) {
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
        self.throughGSL = throughGSL
        strips = GaussianZiggurat.strips
        state = .allocate(capacity: 1)
        state.initialize(to: Taus2(words: 0, 0, 0))
        copyStateToGSL()
    }

    deinit {
        gsl_rng_free(generator)
        state.deallocate()
    }

    /// Starts the stream named by `key`.
    @inlinable
    public func reseed(_ key: StreamKey) {
        let (a, b, c) = key.derivedState
        state.pointee = Taus2(words: a, b, c)
        if throughGSL { copyStateToGSL() }
    }

    /// Makes `key` this stream's source of sub-streams (``enterSubStream(_:)``)
    /// without touching the current state.
    @inlinable
    public func startSubStreams(_ key: StreamKey) {
        subStreamBase = key.subStreamBase
    }

    /// Moves to the start of sub-stream `index` of the key given to
    /// ``startSubStreams(_:)``: a state that is a pure function of (key,
    /// index) (``Taus2/init(subStream:of:)``), so what is drawn from it does
    /// not depend on what other sub-streams were drawn, or whether.
    @inlinable @inline(__always)
    public func enterSubStream(_ index: Int) {
        state.pointee = Taus2(subStream: UInt64(truncatingIfNeeded: index), of: subStreamBase)
        if throughGSL { copyStateToGSL() }
    }

    /// Seeds exactly as `gsl_rng_set(taus2, seed)` does (for tests and for
    /// reproducing GSL's own reference sequences).
    public func reseed(gslSeed: UInt) {
        gsl_rng_set(generator, gslSeed)
        copyStateFromGSL()
    }

    /// The current state (to compare with GSL's on the same state).
    public var taus2: Taus2 {
        get { throughGSL ? gslState : state.pointee }
        set { state.pointee = newValue; copyStateToGSL() }
    }

    private var gslState: Taus2 {
        Taus2(s1: UInt32(truncatingIfNeeded: words[0]), s2: UInt32(truncatingIfNeeded: words[1]),
              s3: UInt32(truncatingIfNeeded: words[2]))
    }

    @usableFromInline
    func copyStateToGSL() {
        words[0] = UInt(state.pointee.s1); words[1] = UInt(state.pointee.s2); words[2] = UInt(state.pointee.s3)
    }

    @usableFromInline
    func copyStateFromGSL() { state.pointee = gslState }

    /// Calls a GSL variate on this stream's state.
    @usableFromInline
    func withGSL<T>(_ body: (UnsafeMutablePointer<gsl_rng>) -> T) -> T {
        if throughGSL { return body(generator) }
        copyStateToGSL()
        defer { copyStateFromGSL() }
        return body(generator)
    }

    // MARK: Variates. uniform, uniformPositive, bernoulli and next consume
    // exactly one raw output. The rejection samplers (gaussian, beta, gamma,
    // poisson, lognormal) consume a number of raw outputs that depends on the
    // stream's state *and their parameters*: a caller that needs aligned
    // streams must make the same calls with the same parameters whatever the
    // policy (the engine only calls gaussian(sd: 1) on weekly streams and
    // scales afterwards).

    /// Uniform on [0, 1), 32-bit resolution (`gsl_rng_uniform`).
    @inlinable public func uniform() -> Double {
        throughGSL ? gsl_rng_uniform(generator) : state.pointee.uniform()
    }

    /// Uniform on (0, 1) (`gsl_rng_uniform_pos`).
    @inlinable public func uniformPositive() -> Double {
        if throughGSL { return gsl_rng_uniform_pos(generator) }
        while true {
            let u = state.pointee.uniform()
            if u != 0 { return u }
        }
    }

    /// `true` with probability `p` (one uniform). `p` outside [0, 1] acts as clamped.
    @inlinable public func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Normal(0, sd²) by the ziggurat (Marsaglia-Tsang), GSL's variant
    /// (`gsl_ran_gaussian_ziggurat`).
    @inlinable public func gaussian(sd: Double = 1) -> Double {
        throughGSL ? gsl_ran_gaussian_ziggurat(generator, sd) : sd * GaussianZiggurat.sample(&state.pointee, strips: strips)
    }

    /// `count` uniforms in order, handed to `body` with their index: the same
    /// values as `count` calls of ``uniform()``, with the state kept in
    /// registers between them. `body` must not draw from this stream.
    @inlinable @inline(__always)
    public func uniforms(_ count: Int, _ body: (Int, Double) -> Void) {
        if throughGSL {
            for index in 0..<count { body(index, gsl_rng_uniform(generator)) }
            return
        }
        var local = state.pointee
        for index in 0..<count { body(index, local.uniform()) }
        state.pointee = local
    }

    /// `count` standard-normal variates in order (the same values as `count`
    /// calls of ``gaussian(sd:)`` with sd 1), state kept in registers.
    /// `body` must not draw from this stream.
    @inlinable @inline(__always)
    public func gaussians(_ count: Int, _ body: (Int, Double) -> Void) {
        if throughGSL {
            for index in 0..<count { body(index, gsl_ran_gaussian_ziggurat(generator, 1)) }
            return
        }
        var local = state.pointee
        for index in 0..<count { body(index, GaussianZiggurat.sample(&local, strips: strips)) }
        state.pointee = local
    }

    /// Beta(a, b); requires a, b > 0 (checked by callers' validators).
    public func beta(_ a: Double, _ b: Double) -> Double { withGSL { gsl_ran_beta($0, a, b) } }

    /// Log-normal with log-mean `mu` and log-sd `sigma`.
    public func lognormal(mu: Double, sigma: Double) -> Double {
        withGSL { gsl_ran_lognormal($0, mu, sigma) }
    }

    /// Gamma with shape `shape` and scale `scale`.
    public func gamma(shape: Double, scale: Double) -> Double { withGSL { gsl_ran_gamma($0, shape, scale) } }

    /// Exponential with mean `mean`.
    public func exponential(mean: Double) -> Double { withGSL { gsl_ran_exponential($0, mean) } }

    /// Poisson with mean `mean`.
    public func poisson(mean: Double) -> Int { Int(withGSL { gsl_ran_poisson($0, mean) }) }

    /// Raw 32-bit output of the generator (`gsl_rng_get`).
    @inlinable public func next() -> UInt {
        throughGSL ? gsl_rng_get(generator) : UInt(state.pointee.next())
    }
}
