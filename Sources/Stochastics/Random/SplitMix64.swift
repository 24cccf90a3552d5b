/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit mixing generator used only
/// to derive stream seeds from keys, never to draw model variates.
///
/// Contract: a bijective finaliser over a Weyl sequence with increment
/// 0x9E3779B97F4A7C15; consecutive outputs are well mixed even for adjacent
/// keys. It is *not* used as a simulation generator.
public struct SplitMix64: Sendable {
    /// The generator's state.
    public var state: UInt64

    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64-bit output (Steele, Lea & Flood 2014).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser (a bijection on 64-bit words).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
