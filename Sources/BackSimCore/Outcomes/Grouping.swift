/// How outcomes are split into subgroups (`--by`).
public enum Grouping: String, CaseIterable, Sendable {
    /// No subgroups.
    case none
    /// By the cohort profile each person was drawn from.
    case profile
    /// By condition (acute, persistent, chronic, post-surgical).
    case condition
    /// Home (unsupervised) or supervised programme.
    case supervised

    /// The subgroups' names for `cohort` (empty for `.none`).
    public func groupNames(_ cohort: Cohort) -> [String] {
        switch self {
        case .none: []
        case .profile: cohort.profiles.map(\.name)
        case .condition: Condition.allCases.map(\.rawValue)
        case .supervised: ["home", "supervised"]
        }
    }

    /// The subgroup (0-based) a person belongs to.
    @inline(__always)
    func group(of traits: PersonTraits) -> Int {
        switch self {
        case .none: 0
        case .profile: traits.profileIndex
        case .condition: Condition.allCases.firstIndex(of: traits.condition)!
        case .supervised: traits.supervised ? 1 : 0
        }
    }
}

/// Outcomes and comparisons of one subgroup.
public struct GroupResult: Equatable, Sendable {
    /// The subgroup's name (a profile or condition).
    public let name: String
    /// Each policy's outcomes within the subgroup, in plan order.
    public let policies: [PolicyOutcome]
    /// Paired differences within the subgroup, for every two policies.
    public let comparisons: [PairedComparison]
}
