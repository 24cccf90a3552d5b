/// One person-week under one policy, for `--per-person` output.
public struct PersonWeekRecord: Equatable, Sendable {
    /// Replication, from 0.
    public var replication: Int
    /// Person index within the replication, from 0.
    public var person: Int
    /// Index of the person's cohort profile.
    public var profile: Int
    /// Index of the policy in the plan.
    public var policy: Int
    /// Week, 0 = baseline.
    public var week: Int
    /// Reported pain, NRS 0-10.
    public var pain: Int
    /// Disability 0-100.
    public var disability: Int
    /// Sessions prescribed that week.
    public var sessionsPrescribed: Int
    /// Sessions done that week.
    public var sessionsDone: Int
    /// Session-RPE load done, AU.
    public var load: Double
    /// Still in the programme (not dropped out).
    public var inProgramme: Bool
    /// A flare-up started this week.
    public var flareUp: Bool

    init(_ id: PersonID, profile: Int, policy: Int, _ outcome: WeekOutcome) {
        replication = id.replication
        person = id.index
        self.profile = profile
        self.policy = policy
        week = outcome.week
        pain = outcome.painReport
        disability = outcome.disability
        sessionsPrescribed = outcome.sessionsPrescribed
        sessionsDone = outcome.sessionsDone
        load = outcome.load
        inProgramme = outcome.retained
        flareUp = outcome.flareUpThisWeek
    }
}

/// Receives person-week records as a run produces them, one chunk of people
/// at a time, from worker threads and in no particular chunk order; the sink
/// restores the order (chunk index ascending) if it needs one. Records of a
/// chunk are ordered by replication, person, policy, week.
public protocol PersonWeekSink: Sendable {
    /// Receives one chunk's records; an error stops the run.
    func write(chunk: Int, records: [PersonWeekRecord]) throws
    /// Called once after the last chunk.
    func finish() throws
}
