import Foundation
import Stochastics
import Testing

/// `Exponential.exp` against a higher-precision reference (its error bound),
/// at its special values and range ends, and against the C library's `exp`.
@Suite struct ExponentialTests {
    /// Seeded arguments: uniform on `range`, drawn by taus2.
    static func arguments(_ count: Int, in range: ClosedRange<Double>, seed: UInt64) throws -> [Double] {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: seed, replication: 0, person: 0, purpose: 1))
        return (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * stream.uniform() }
    }

    #if arch(x86_64) && os(Linux)
    /// Error of `y` as an approximation of e^x, in units in the last place
    /// of `y`, against the 64-bit-significand `expl` (its own error, about
    /// 2⁻⁶³ relative, is 2⁻¹¹ of a double's ulp).
    static func ulpError(_ x: Double, _ y: Double) -> Double {
        let reference = Foundation.exp(Float80(x))
        return Double(abs(Float80(y) - reference) / Float80(y.ulp))
    }

    @Test("Error below 0.52 ulp where e^x is normal (3 × 200,000 seeded arguments)",
          arguments: [(-708.0)...709.0, -30.0...5.0, -1.0...1.0])
    func errorBound(_ range: ClosedRange<Double>) throws {
        var worst = 0.0
        for x in try Self.arguments(200_000, in: range, seed: 15) {
            worst = max(worst, Self.ulpError(x, Exponential.exp(x)))
        }
        #expect(worst < 0.52)
        #expect(worst > 0.4)  // the test reaches arguments where rounding is close
    }
    #endif

    @Test("Special values and the ends of the range")
    func specialValues() {
        #expect(Exponential.exp(0) == 1)
        #expect(Exponential.exp(-0.0) == 1)
        #expect(Exponential.exp(0x1p-60) == 1)
        #expect(Exponential.exp(-.infinity) == 0)
        #expect(Exponential.exp(-.infinity).sign == .plus)
        #expect(Exponential.exp(.infinity) == .infinity)
        #expect(Exponential.exp(.nan).isNaN)
        #expect(Exponential.exp(709.78) == Foundation.exp(709.78))  // near the largest finite result
        #expect(Exponential.exp(709.79) == .infinity)
        #expect(Exponential.exp(1_000) == .infinity)
        #expect(Exponential.exp(-1_000) == 0)
        #expect(Exponential.exp(-745.2) == 0)
        #expect(Exponential.exp(-745.1) == .leastNonzeroMagnitude)
        #expect(Exponential.exp(-740).isSubnormal)
        #expect(Exponential.exp(1) == 2.718281828459045)
        #expect(Exponential.exp(-1) == 0.36787944117144233)
    }

    /// Only the last bit can differ from the C library's (glibc evaluates the
    /// same algorithm with fused multiply-adds), and rarely.
    @Test("Within one ulp of the C library's exp, and equal to it almost always")
    func nearTheCLibrary() throws {
        var differing = 0, worst = 0.0
        let xs = try Self.arguments(200_000, in: -40...10, seed: 16)
        for x in xs {
            let ours = Exponential.exp(x), theirs = Foundation.exp(x)
            if ours != theirs {
                differing += 1
                worst = max(worst, abs(ours - theirs) / theirs.ulp)
            }
        }
        #expect(worst <= 1)
        #expect(Double(differing) / Double(xs.count) < 0.01)
    }
}
