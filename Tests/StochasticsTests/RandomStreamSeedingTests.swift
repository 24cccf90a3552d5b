@testable import Stochastics
import Testing

/// `RandomStream.reseed(_:)` fills taus2's state directly (`Taus2(words:)`). Writing the state
/// that `taus2_set` derives from a 32-bit seed must reproduce `gsl_rng_set`,
/// which shows the direct path matches GSL's own layout, bounds and warm-up.
@Suite struct RandomStreamSeedingTests {
    static func lcg(_ n: UInt) -> UInt { (69069 &* n) & 0xFFFF_FFFF }

    @Test(arguments: [1 as UInt, 2, 12345, 4_294_967_295])
    func directStateWriteReproducesGSLSeeding(_ seed: UInt) throws {
        let gsl = try RandomStream()
        gsl.reseed(gslSeed: seed)
        var s1 = Self.lcg(seed); if s1 < 2 { s1 += 2 }
        var s2 = Self.lcg(s1); if s2 < 8 { s2 += 8 }
        var s3 = Self.lcg(s2); if s3 < 16 { s3 += 16 }
        let direct = try RandomStream()
        direct.taus2 = Taus2(words: UInt64(s1), UInt64(s2), UInt64(s3))
        for _ in 0..<100 { #expect(direct.next() == gsl.next()) }
    }
}
