import Stochastics
@_spi(Benchmarks) import BackSimCore

/// Tight loops over one kind of generator call, for the cost of a draw: the
/// floor under the model. They use the engine's own `RandomStream` (taus2,
/// through the same inlined wrappers the engine calls), in Swift or, for the
/// baseline, through GSL's interface. Each returns a value
/// depending on every draw so that nothing is optimised away.
public enum DrawLoops {
    /// The engine's generator: a `taus2` stream, started like a person's `pain` stream.
    /// - Parameter throughGSL: every call through GSL's generic interface (the baseline).
    public static func engineStream(throughGSL: Bool = false) -> RandomStream {
        do {
            let stream = try RandomStream(throughGSL: throughGSL)
            stream.reseed(PersonID(seed: 1, replication: 0, index: 0).key(.pain))
            return stream
        } catch { fatalError("\(error)") }
    }

    @inline(never)
    public static func uniforms(_ stream: RandomStream, _ count: Int) -> Double {
        var sum = 0.0
        for _ in 0..<count { sum += stream.uniform() }
        return sum
    }

    @inline(never)
    public static func gaussians(_ stream: RandomStream, _ count: Int) -> Double {
        var sum = 0.0
        for _ in 0..<count { sum += stream.gaussian() }
        return sum
    }

    @inline(never)
    public static func bernoullis(_ stream: RandomStream, _ count: Int, p: Double = 0.3) -> Int {
        var hits = 0
        for _ in 0..<count where stream.bernoulli(p) { hits += 1 }
        return hits
    }

    @inline(never)
    public static func rawSteps(_ stream: RandomStream, _ count: Int) -> UInt {
        var mixed: UInt = 0
        for _ in 0..<count { mixed ^= stream.next() }
        return mixed
    }

    /// Beta(2.5, 2.5), as drawn for a person's fitness (traits, once per person).
    @inline(never)
    public static func betas(_ stream: RandomStream, _ count: Int) -> Double {
        var sum = 0.0
        for _ in 0..<count { sum += stream.beta(2.5, 2.5) }
        return sum
    }

    /// Stream starts as the engine makes them: key → SplitMix64 → taus2 state
    /// → six warm-up steps (seven per person and policy).
    @inline(never)
    public static func reseeds(_ stream: RandomStream, _ count: Int) -> UInt {
        var mixed: UInt = 0
        for person in 0..<count {
            stream.reseed(PersonID(seed: 1, replication: 0, index: person).key(.pain))
            mixed ^= stream.next()
        }
        return mixed
    }
}
