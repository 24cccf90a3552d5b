/// A week log that a ``PolicyDriver`` cannot record, or a saved state it
/// cannot restore.
public enum PolicyDriverError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The log is of another week than the current one.
    case week(Int, expected: Int)
    /// The log carries another baseline report than the intake's.
    case baseline(Int, expected: Int)
    /// The log's requested prescription is not the policy's current one.
    case requested(week: Int)
    /// `sessionsDone` disagrees with the done sessions logged.
    case sessionsDone(Int, logged: Int)
    /// The saved state belongs to a policy with another label.
    case policy(String, expected: String)

    public var description: String {
        switch self {
        case let .week(week, expected):
            "week: expected week \(expected) (the week after the last one recorded), got \(week)"
        case let .baseline(report, expected):
            "baselinePainReport: expected the intake's \(expected), got \(report)"
        case let .requested(week):
            "requested: not the policy's prescription for week \(week); start the log with observation(painReport:delivered:)"
        case let .sessionsDone(count, logged):
            "sessionsDone: \(count), but \(logged) done sessions are logged"
        case let .policy(label, expected):
            "saved state is of policy '\(label)', not '\(expected)'"
        }
    }
}
