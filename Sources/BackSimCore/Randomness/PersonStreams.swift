import Stochastics

/// The random streams of one person, one generator per purpose, owned by a
/// single worker and re-seeded for every (person, policy) run.
///
/// Re-seeding at the start of each policy's run is what makes comparisons
/// paired: every policy replays the person's streams from the same start.
public final class PersonStreams {
    public let traits: RandomStream
    public let pain: RandomStream
    public let report: RandomStream
    public let adherence: RandomStream
    public let sessions: RandomStream
    public let flareUp: RandomStream
    public let dropout: RandomStream
    public let safety: RandomStream
    public let screening: RandomStream

    /// - Parameter throughGSL: every draw through GSL's generic interface
    ///   (the benchmarks' baseline; the same values, slower).
    public init(throughGSL: Bool = false) throws(GSLError) {
        traits = try RandomStream(throughGSL: throughGSL)
        pain = try RandomStream(throughGSL: throughGSL)
        report = try RandomStream(throughGSL: throughGSL)
        adherence = try RandomStream(throughGSL: throughGSL)
        sessions = try RandomStream(throughGSL: throughGSL)
        flareUp = try RandomStream(throughGSL: throughGSL)
        dropout = try RandomStream(throughGSL: throughGSL)
        safety = try RandomStream(throughGSL: throughGSL)
        screening = try RandomStream(throughGSL: throughGSL)
    }

    /// Starts the trait stream of `person`.
    public func startTraits(_ person: PersonID) {
        traits.reseed(person.key(.traits))
    }

    /// Starts every weekly stream of `person` from the beginning.
    public func startWeeklyStreams(_ person: PersonID) {
        pain.reseed(person.key(.pain))
        report.reseed(person.key(.report))
        adherence.reseed(person.key(.adherence))
        sessions.reseed(person.key(.sessions))
        flareUp.reseed(person.key(.flareUp))
        dropout.reseed(person.key(.dropout))
        safety.reseed(person.key(.safety))
    }
}

/// A simulated person: scenario seed, replication and index in the cohort.
public struct PersonID: Hashable, Sendable {
    public var seed: UInt64
    public var replication: Int
    public var index: Int

    public init(seed: UInt64, replication: Int, index: Int) {
        self.seed = seed
        self.replication = replication
        self.index = index
    }

    public func key(_ purpose: StreamPurpose) -> StreamKey {
        StreamKey(seed: seed, replication: UInt32(replication), person: UInt64(index), purpose: purpose.rawValue)
    }
}
