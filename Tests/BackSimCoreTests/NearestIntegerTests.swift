@testable import BackSimCore
import Testing

/// `nearestInteger(nonNegative:)` replaces `Int(x.rounded())` in the model's
/// ratings; it must give the same integer for every non-negative double.
@Suite struct NearestIntegerTests {
    /// Halves and their neighbours one ulp either side, where a rounding
    /// rule shows its edges, over the ranges the model rounds (0-10 ratings,
    /// 1-10 effort, 0-100 disability) and beyond.
    @Test func agreesWithRoundedAtHalvesAndTheirNeighbours() {
        for n in 0...1_000 {
            let half = Double(n) + 0.5
            for x in [half, half.nextUp, half.nextDown, Double(n), Double(n).nextUp, Double(n).nextDown] where x >= 0 {
                #expect(nearestInteger(nonNegative: x) == Int(x.rounded()), "x = \(x)")
            }
        }
    }

    @Test func agreesWithRoundedAtTheExtremes() {
        let values: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, 0.5.nextDown, 0.5, 0.5.nextUp,
            0x1p52 - 0.5, (0x1p52 - 0.5).nextUp, 0x1p52, 0x1p52 + 1, 0x1p53, 0x1p62, 0x1p63.nextDown,
        ]
        for x in values {
            #expect(nearestInteger(nonNegative: x) == Int(x.rounded()), "x = \(x)")
        }
    }

    /// Seeded: 200,000 random doubles over the 0-10 scale and 200,000
    /// spread over every binade up to 2^62.
    @Test func agreesWithRoundedOnRandomValues() {
        var generator = SplitMixForTest(seed: 15)
        for _ in 0..<200_000 {
            let onScale = Double(generator.next() >> 11) * 0x1p-53 * 10
            #expect(nearestInteger(nonNegative: onScale) == Int(onScale.rounded()))
            let exponent = Int(generator.next() % 63) - 1
            let anyScale = Double(generator.next() >> 11) * 0x1p-53 * Double(sign: .plus, exponent: exponent, significand: 1)
            #expect(nearestInteger(nonNegative: anyScale) == Int(anyScale.rounded()))
        }
    }
}

/// SplitMix64, for seeded test inputs only.
private struct SplitMixForTest {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
