/// One person's course under one policy, read at one week: what a study's
/// per-person outcomes are computed from (`sweep`, `owsa`, `psa`).
///
/// Everything here is what the per-person records of weeks 0…`week` would
/// give (``PersonWeekRecord``), summed where a study needs a running total,
/// so a study reads one value per person and policy instead of a record per
/// person-week.
public struct PersonAtWeek: Equatable, Sendable {
    /// Replication, from 0.
    public var replication: Int
    /// Person index within the replication, from 0.
    public var person: Int
    /// Index of the policy in the plan.
    public var policy: Int
    /// Reported pain at the week, NRS 0-10.
    public var pain: Int
    /// Disability at the week, 0-100.
    public var disability: Int
    /// Reported pain at baseline (week 0).
    public var baselinePain: Int
    /// Disability at baseline.
    public var baselineDisability: Int
    /// Still in the programme at the week.
    public var inProgramme: Bool
    /// Weeks 1…week in which a flare-up started.
    public var flareUpWeeks: Int
    /// Sessions done in weeks 1…week.
    public var sessionsDone: Int
}

/// Receives, one chunk of people at a time, every person's
/// ``PersonAtWeek`` under each policy, from worker threads and in no
/// particular chunk order. A chunk's values are ordered by replication,
/// person, policy.
public protocol PersonAtWeekSink: Sendable {
    /// Receives one chunk's values; an error stops the run.
    func write(chunk: Int, persons: [PersonAtWeek]) throws
}
