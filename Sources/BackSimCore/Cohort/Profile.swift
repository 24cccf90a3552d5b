/// A kind of person in a cohort: the distributions their traits are drawn from.
///
/// Units: pain on NRS 0-10; weeks; scores 0-1 (higher = more of the trait).
public struct Profile: Equatable, Sendable {
    /// Name in outputs and `--by profile`.
    public var name: String
    /// Relative share of the cohort (weights need not sum to 1).
    public var weight: Double
    /// The condition (or a mixture of conditions) of the profile's persons.
    public var condition: Categorical<Condition>
    /// Latent average pain at entry, NRS 0-10.
    public var baselinePain: TraitDistribution
    /// Weeks from the inception point of the condition's recovery curve to entry.
    public var weeksSinceOnset: TraitDistribution
    /// Aerobic and muscular fitness, 0 (deconditioned) to 1 (fit).
    public var fitness: TraitDistribution
    /// Pain self-efficacy, 0-1 (PSEQ / 60).
    public var selfEfficacy: TraitDistribution
    /// Fear-avoidance, 0-1 (TSK-11 rescaled from 11-44).
    public var fearAvoidance: TraitDistribution
    /// Sessions a week the person can manage; rounded and clamped to 1-7.
    public var sessionsAvailable: TraitDistribution
    /// Probability that the person's programme is supervised.
    public var supervisedProbability: Double
    /// Week from which resistance training is allowed (post-surgical people).
    public var clearanceWeek: TraitDistribution

    /// A profile; traits not given take the documented defaults (docs/model.md).
    public init(
        name: String,
        weight: Double = 1,
        condition: Categorical<Condition>,
        baselinePain: TraitDistribution,
        weeksSinceOnset: TraitDistribution = .fixed(0),
        fitness: TraitDistribution = .beta(a: 2.5, b: 2.5),
        selfEfficacy: TraitDistribution = .beta(a: 5, b: 3),
        fearAvoidance: TraitDistribution = .beta(a: 3, b: 4),
        sessionsAvailable: TraitDistribution = .normal(mean: 4, sd: 1.2, lower: 1, upper: 7),
        supervisedProbability: Double = 0.3,
        clearanceWeek: TraitDistribution = .fixed(0)
    ) {
        self.name = name
        self.weight = weight
        self.condition = condition
        self.baselinePain = baselinePain
        self.weeksSinceOnset = weeksSinceOnset
        self.fitness = fitness
        self.selfEfficacy = selfEfficacy
        self.fearAvoidance = fearAvoidance
        self.sessionsAvailable = sessionsAvailable
        self.supervisedProbability = supervisedProbability
        self.clearanceWeek = clearanceWeek
    }
}
