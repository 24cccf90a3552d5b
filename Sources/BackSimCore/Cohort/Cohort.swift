/// A population to simulate: a mixture of profiles.
public struct Cohort: Equatable, Sendable {
    public var name: String
    public var summary: String
    public var profiles: [Profile]
    /// Inclusion criteria of a trial; nil = everyone drawn is enrolled
    /// (and nobody is screened).
    public var criteria: EnrolmentCriteria?

    public init(name: String, summary: String, profiles: [Profile], criteria: EnrolmentCriteria? = nil) {
        precondition(!profiles.isEmpty, "a cohort needs at least one profile")
        self.name = name
        self.summary = summary
        self.profiles = profiles
        self.criteria = criteria
    }

    /// Profile membership as a categorical over profile indices.
    public var membership: Categorical<Int> {
        Categorical(profiles.enumerated().map { ($0.offset, $0.element.weight) })
    }
}
