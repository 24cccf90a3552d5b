/// L'Ecuyer's maximally equidistributed combined Tausworthe generator
/// (`taus2`, period about 2^88), in inlinable Swift.
///
/// Contract: the same algorithm and the same state as GSL's `gsl_rng_taus2`
/// (three 32-bit words s1 > 1, s2 > 7, s3 > 15), so from the same state it
/// returns the same outputs bit for bit (tested against GSL). Written in
/// Swift because the engine makes about 38 draws a person-week and GSL's
/// generic interface costs an indirect call per draw that cannot be inlined.
@frozen
public struct Taus2: Sendable, Hashable {
    /// First component's state (s1 > 1).
    public var s1: UInt32
    /// Second component's state (s2 > 7).
    public var s2: UInt32
    /// Third component's state (s3 > 15).
    public var s3: UInt32

    /// A state taken as is; the words must already satisfy the lower bounds.
    @inlinable
    public init(s1: UInt32, s2: UInt32, s3: UInt32) {
        self.s1 = s1; self.s2 = s2; self.s3 = s3
    }

    /// Fills the state from three words as GSL's `taus2_set` fills it from
    /// its seed: the low 32 bits of each, raised to their lower bounds
    /// (s1 += 2 if s1 < 2, s2 += 8 if s2 < 8, s3 += 16 if s3 < 16), then
    /// six warm-up steps.
    @inlinable
    public init(words a: UInt64, _ b: UInt64, _ c: UInt64) {
        self.init(mixedWords: a, b, c)
        for _ in 0..<6 { _ = next() }
    }

    /// A state from three words that are already uniformly random (SplitMix64
    /// outputs): their low 32 bits raised to the lower bounds as in
    /// ``init(words:_:_:)``, without the warm-up, which exists for GSL's small
    /// integer seeds.
    @inlinable @inline(__always)
    public init(mixedWords a: UInt64, _ b: UInt64, _ c: UInt64) {
        var s1 = UInt32(truncatingIfNeeded: a); if s1 < 2 { s1 += 2 }
        var s2 = UInt32(truncatingIfNeeded: b); if s2 < 8 { s2 += 8 }
        var s3 = UInt32(truncatingIfNeeded: c); if s3 < 16 { s3 += 16 }
        self.init(s1: s1, s2: s2, s3: s3)
    }

    /// The start of sub-stream `index` of `base` (``StreamKey/subStreamBase``):
    /// ``init(mixedWords:_:_:)`` from the first three outputs of
    /// SplitMix64 started at `base ⊕ index`. A pure function of the two, so a
    /// sub-stream can be entered directly, in any order.
    @inlinable @inline(__always)
    public init(subStream index: UInt64, of base: UInt64) {
        var mixer = SplitMix64(state: base ^ index)
        let a = mixer.next(), b = mixer.next(), c = mixer.next()
        self.init(mixedWords: a, b, c)
    }

    /// The next 32-bit output (`gsl_rng_get`).
    @inlinable @inline(__always)
    public mutating func next() -> UInt32 {
        s1 = Self.step1(s1)
        s2 = Self.step2(s2)
        s3 = Self.step3(s3)
        return s1 ^ s2 ^ s3
    }

    // One step of each component. Each is linear over GF(2) (masks, shifts,
    // exclusive ors).
    @usableFromInline @inline(__always)
    static func step1(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFFE) << 12) ^ (((s << 13) ^ s) >> 19) }
    @usableFromInline @inline(__always)
    static func step2(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFF8) << 4) ^ (((s << 2) ^ s) >> 25) }
    @usableFromInline @inline(__always)
    static func step3(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFF0) << 17) ^ (((s << 3) ^ s) >> 11) }

    /// Uniform on [0, 1) with 32-bit resolution (`gsl_rng_uniform`: output / 2^32).
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next()) * 0x1p-32
    }
}
