/// A population to simulate: a mixture of profiles.
public struct Cohort: Equatable, Sendable {
    /// Name in outputs.
    public var name: String
    /// One line on who this is.
    public var summary: String
    /// The profiles and their weights; at least one.
    public var profiles: [Profile]
    /// Inclusion criteria of a trial; nil = everyone drawn is enrolled
    /// (and nobody is screened).
    public var criteria: EnrolmentCriteria?

    /// A cohort of the given profiles, optionally enrolled by screening `criteria`.
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
