import Stochastics
import Testing

struct RandomStreamTests {
    /// GSL 2.x rng/test.c: `rng_test (gsl_rng_taus2, 1, 10000, 2733957125UL)`,
    /// i.e. after gsl_rng_set(r, 1) the 10000th gsl_rng_get is 2733957125.
    @Test("taus2 reproduces GSL's own reference value")
    func gslReferenceValue() throws {
        let stream = try RandomStream()
        stream.reseed(gslSeed: 1)
        var last: UInt = 0
        for _ in 0..<10_000 { last = stream.next() }
        #expect(last == 2_733_957_125)
    }

    static func draws(_ key: StreamKey, count: Int = 1_000) throws -> [UInt] {
        let stream = try RandomStream()
        stream.reseed(key)
        return (0..<count).map { _ in stream.next() }
    }

    @Test("Same key, same sequence; re-seeding restarts it")
    func reproducible() throws {
        let key = StreamKey(seed: 42, replication: 3, person: 12_345, purpose: 2)
        #expect(try Self.draws(key) == Self.draws(key))

        let stream = try RandomStream()
        stream.reseed(key)
        let first = (0..<100).map { _ in stream.next() }
        for _ in 0..<57 { _ = stream.next() }
        stream.reseed(key)
        #expect((0..<100).map { _ in stream.next() } == first)
    }

    @Test("Changing any field of the key changes the sequence")
    func distinctKeys() throws {
        let base = StreamKey(seed: 42, replication: 3, person: 12_345, purpose: 2)
        let reference = try Self.draws(base, count: 64)
        var variants: [StreamKey] = []
        for change in 0..<4 {
            var key = base
            switch change {
            case 0: key.seed += 1
            case 1: key.replication += 1
            case 2: key.person += 1
            default: key.purpose += 1
            }
            variants.append(key)
        }
        for key in variants {
            let other = try Self.draws(key, count: 64)
            #expect(other != reference, "\(key)")
            // Not merely shifted copies: almost no position agrees.
            #expect(zip(other, reference).filter { $0 == $1 }.count <= 1)
        }
    }

    /// n = 100 000 seeded uniforms: E = 1/2, SD of the mean √(1/12n).
    @Test("Uniform draws: mean within 4 standard errors of 1/2, all in [0, 1)")
    func uniformMean() throws {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: 7, replication: 0, person: 0, purpose: 0))
        let n = 100_000
        var sum = 0.0
        for _ in 0..<n {
            let u = stream.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        let standardError = (1.0 / 12 / Double(n)).squareRoot()
        #expect(abs(sum / Double(n) - 0.5) <= 4 * standardError)
    }

    /// n = 100 000 seeded N(0, 1) draws: the mean has SD 1/√n; the sample
    /// variance has SD about √(2/n). Both within 4 of those.
    @Test("Gaussian draws: mean 0 and variance 1 within 4 standard errors")
    func gaussianMoments() throws {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: 7, replication: 0, person: 0, purpose: 1))
        let xs = (0..<100_000).map { _ in stream.gaussian(sd: 1) }
        let n = Double(xs.count)
        #expect(abs(try Descriptive.mean(xs)) <= 4 / n.squareRoot())
        #expect(abs(try Descriptive.variance(xs) - 1) <= 4 * (2 / n).squareRoot())
    }
}
