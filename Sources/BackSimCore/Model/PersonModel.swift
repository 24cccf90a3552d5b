import Foundation
import Stochastics

/// The per-person constants of the exercise model, derived once from traits
/// and parameters and shared by every policy's run of that person.
struct PersonModel {
    let traits: PersonTraits
    let parameters: ModelParameters
    /// This person's largest log-reduction of pain from built capacity.
    let painBenefit: Double
    /// This person's disability offset, points.
    let disabilityOffset: Double
    /// Fixed part of the adherence log-odds (traits only).
    let adherenceTraitLogit: Double
    /// Fixed part of the dropout log-odds.
    let dropoutTraitLogit: Double
    /// Extra session pain from fear-avoidance, NRS points.
    let fearPain: Double
    let doctorFlagWeek: Int
    /// The fitness factor of a session's effort, 1.2 − 0.4·φ.
    let effortFitnessFactor: Double
    /// log(10/b) + 1: natural pain is under its cap when the log factor is
    /// at most this minus r_c.
    private let uncappedLogFactor: Double
    /// 1/b, to get r_c from b·r_c without a division a day.
    private let inverseBaseline: Double
    /// The model's exponential function (BackSim's own, the same on every
    /// platform; model 4).
    let exponential: Exponential
    init(traits: PersonTraits, parameters p: ModelParameters, exponential: Exponential = Exponential()) {
        self.traits = traits
        self.parameters = p
        self.exponential = exponential
        painBenefit = p.painBenefit * p.conditionBenefit[traits.condition]
            * Exponential.exp(p.benefitSD * traits.responseEffect - p.benefitSD * p.benefitSD / 2)
        disabilityOffset = p.disabilitySD * traits.disabilityEffect
        adherenceTraitLogit = p.adherenceSelfEfficacy * (traits.selfEfficacy - 0.6)
            + p.adherenceFear * (traits.fearAvoidance - 0.4)
            + (traits.supervised ? p.adherenceSupervision : 0)
        dropoutTraitLogit = p.dropoutBase + (traits.supervised ? p.dropoutSupervision : 0)
        fearPain = p.fearSessionPain * traits.fearAvoidance
        doctorFlagWeek = Int(p.doctorFlagWeek.rounded())
        effortFitnessFactor = 1.2 - 0.4 * traits.fitness
        uncappedLogFactor = log(10 / traits.baselinePain) + 1
        inverseBaseline = 1 / traits.baselinePain
    }

    /// This person's accumulated benefit: the log-reduction of pain built
    /// capacity brings now.
    @inline(__always)
    func benefit(_ capacity: Capacity) -> Double { painBenefit * capacity.builtFraction }

    /// Latent pain with exercise: the natural course scaled down by the
    /// accumulated benefit, plus soreness from unaccustomed load, plus
    /// flare-up pain.
    ///
    /// N·exp(−B) is computed with one `exp` a day, b·r_c·exp(log factor − B),
    /// whenever N's cap at 10 cannot bind: log factor ≤ log(10/b) + 1 − r_c
    /// is enough, because log r_c ≤ r_c − 1, so b·r_c·exp(log factor) ≤ 10.
    /// Otherwise (a bad day near the cap) as written, min(10, N)·exp(−B).
    /// Same equation, so results differ from the two-`exp` form only by
    /// rounding (model 3; `docs/model.md` §6).
    @inline(__always)
    func latentPain(natural: NaturalPain, capacity: Capacity, flare: Double) -> Double {
        let benefit = benefit(capacity)
        let soreness = parameters.soreness * max(0, -capacity.form)
        let relieved: Double
        if benefit == 0 {
            relieved = natural.value(exponential)  // untrained days, all of `control`
        } else if natural.logFactor <= uncappedLogFactor - natural.scale * inverseBaseline {
            relieved = natural.scale * exponential(natural.logFactor - benefit)
        } else {
            relieved = natural.value(exponential) * exponential(-benefit)
        }
        return min(10, relieved + soreness + flare)
    }

    /// Oswestry-like disability 0-100 from a week's mean latent pain, before
    /// rounding to the reported integer.
    @inline(__always)
    func disabilityScore(weeklyPain: Double, capacity: Capacity) -> Double {
        let built = capacity.builtFraction
        let score = parameters.disabilityIntercept + parameters.disabilityPerPain * weeklyPain + disabilityOffset
            - parameters.disabilityCapacity * built
        return min(max(score, 0), 100)
    }

}

extension PersonModel {
    /// The logistic function 1/(1 + e^−x) of a log-odds.
    @inline(__always)
    func logistic(_ x: Double) -> Double { 1 / (1 + exponential(-x)) }
}
