/// Why a comparison could not be run or a question about it has no answer.
public enum ComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The plan is invalid; nothing ran.
    case plan(SimulationPlanError)
    /// GSL failed (a generator could not be allocated).
    case engine(GSLError)
    /// No policy has this label.
    case unknownPolicy(String, compared: [String])
    /// The week is outside 0 (baseline) through the horizon.
    case week(Int, weeks: Int)
    /// A policy compared with itself: the difference is zero by construction, not a finding.
    case samePolicy(String)
    /// No person was recorded under both policies that week.
    case noPairs(policy: String, reference: String, week: Int)

    public var description: String {
        switch self {
        case let .plan(error): error.description
        case let .engine(error): error.description
        case let .unknownPolicy(label, compared):
            "unknown policy '\(label)'; this comparison has \(compared.joined(separator: ", "))"
        case let .week(week, weeks): "week: must be from 0 to \(weeks), got \(week)"
        case let .samePolicy(label):
            "'\(label)' is compared with itself; choose another policy or reference"
        case let .noPairs(policy, reference, week):
            "no person was recorded under both '\(policy)' and '\(reference)' in week \(week)"
        }
    }
}
