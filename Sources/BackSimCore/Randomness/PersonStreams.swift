import Stochastics

/// The random streams of one person, one generator per purpose, owned by a
/// single worker and re-seeded for every (person, policy) run.
///
/// `traits`, `pain` and `screening` are sequential streams; the other
/// purposes are drawn week by week from sub-streams keyed by the week
/// (`RandomStream.enterSubStream(_:)`). Restarting them at the start of
/// each policy's run is what makes comparisons paired: every policy replays
/// the person's luck from the same start.
public final class PersonStreams {
    /// Trait draws (once per person).
    public let traits: RandomStream
    /// Daily pain innovations.
    public let pain: RandomStream
    /// Weekly report recall error.
    public let report: RandomStream
    /// Adherence state draws.
    public let adherence: RandomStream
    /// Session draws (done, ratings).
    public let sessions: RandomStream
    /// Flare-up draws.
    public let flareUp: RandomStream
    /// Dropout draws.
    public let dropout: RandomStream
    /// Safety-event draws.
    public let safety: RandomStream
    /// The screening report at enrolment.
    public let screening: RandomStream

    /// Allocates one generator per purpose.
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

    /// Starts `person`'s `pain` stream from the beginning and makes the
    /// person's keys the source of the weekly purposes' sub-streams.
    public func startWeeklyStreams(_ person: PersonID) {
        pain.reseed(person.key(.pain))
        report.startSubStreams(person.key(.report))
        adherence.startSubStreams(person.key(.adherence))
        sessions.startSubStreams(person.key(.sessions))
        flareUp.startSubStreams(person.key(.flareUp))
        dropout.startSubStreams(person.key(.dropout))
        safety.startSubStreams(person.key(.safety))
    }
}

/// A simulated person: scenario seed, replication and index in the cohort.
public struct PersonID: Hashable, Sendable {
    /// The scenario seed.
    public var seed: UInt64
    /// Replication, from 0.
    public var replication: Int
    /// Person index within the replication.
    public var index: Int

    /// A person of replication `replication` under `seed`.
    public init(seed: UInt64, replication: Int, index: Int) {
        self.seed = seed
        self.replication = replication
        self.index = index
    }

    /// The stream key of this person's `purpose` stream.
    public func key(_ purpose: StreamPurpose) -> StreamKey {
        StreamKey(seed: seed, replication: UInt32(replication), person: UInt64(index), purpose: purpose.rawValue)
    }
}
