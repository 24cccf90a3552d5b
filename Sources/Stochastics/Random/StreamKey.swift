/// Names one random stream: (scenario seed, replication, person, purpose).
///
/// Common random numbers rest on this key. It does not contain the policy, so
/// a person meets the same luck under every policy. The seed a stream starts
/// from is a pure function of the key (``derivedState``), so results do not
/// depend on the order in which people are simulated or on the thread count.
public struct StreamKey: Hashable, Sendable {
    /// The scenario seed.
    public var seed: UInt64
    /// Replication, from 0.
    public var replication: UInt32
    /// Person index.
    public var person: UInt64
    /// A stable tag for what the stream is used for. Never renumber one.
    public var purpose: UInt32

    /// A key from its four parts.
    public init(seed: UInt64, replication: UInt32, person: UInt64, purpose: UInt32) {
        self.seed = seed
        self.replication = replication
        self.person = person
        self.purpose = purpose
    }

    /// Three 64-bit words derived from the key by chaining SplitMix64 over
    /// its fields; the generator's state is filled from them.
    @inlinable
    public var derivedState: (UInt64, UInt64, UInt64) {
        var mixer = personMixer
        return (mixer.next(), mixer.next(), mixer.next())
    }

    /// SplitMix64 after chaining the seed, replication, purpose and person:
    /// what ``derivedState`` and ``subStreamBase`` continue from.
    @inlinable
    var personMixer: SplitMix64 {
        var mixer = SplitMix64(state: SplitMix64.mix(seed ^ 0x4261_636B_5369_6D00))  // "BackSim\0"
        mixer = SplitMix64(state: mixer.next() ^ (UInt64(replication) << 32 | UInt64(purpose)))
        return SplitMix64(state: mixer.next() ^ person)
    }

    /// The word the key's sub-streams derive from
    /// (``Taus2/init(subStream:of:)``): ``derivedState``'s chain up to the
    /// person, its next output, and an exclusive or with "SubStrea", so that
    /// no sub-stream starts from the words the stream itself starts from.
    @inlinable
    public var subStreamBase: UInt64 {
        var mixer = personMixer
        return mixer.next() ^ 0x5375_6253_7472_6561  // "SubStrea"
    }
}
