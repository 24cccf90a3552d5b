import Foundation
import Stochastics

/// One prescribed session on its day: done or skipped, what it cost and what
/// the person reports. Pure function of the person's state and the slot's
/// draws; the caller applies the consequences.
struct SessionDay {
    var observation: SessionObservation
    /// Session-RPE load, AU.
    var load = 0.0
    var flareSize = 0.0
    var didStrength = false
    /// Aerobic minutes done.
    var aerobicMinutes = 0.0
    /// Strength volume done: sets × reps × exercises × load (load 1 = starting load).
    var strengthVolume = 0.0

    /// The days of a week with `sessions` sessions, as a bit mask (bit d set
    /// when a session falls on day d): slot j = 0…n − 1 on day ⌊7j/n⌋
    /// (`model.md` §5), tabulated so that the day loop tests a bit rather
    /// than dividing every day.
    @inline(__always)
    static func days(sessions: Int) -> UInt8 {
        switch sessions {
        case 1: 0b000_0001  // day 0
        case 2: 0b000_1001  // 0, 3
        case 3: 0b001_0101  // 0, 2, 4
        case 4: 0b010_1011  // 0, 1, 3, 5
        case 5: 0b011_0111  // 0, 1, 2, 4, 5
        case 6: 0b011_1111  // 0-5
        case 7: 0b111_1111  // 0-6
        default: 0
        }
    }

    @inline(__always)
    init(
        day: Int, plan: SessionPlan, doneProbability: Double, latent: Double,
        capacity: Capacity, model: PersonModel, draws: WeeklyDraws.Slot
    ) {
        let p = model.parameters
        let u = draws.session
        guard u < doneProbability else {
            observation = .skipped(day: day)
            return
        }
        let cutShort = u < doneProbability * p.cutShort
        let noise = p.sessionRatingSD * draws.ratingNoise
        let negativeForm = max(0, -capacity.form)
        let effortRaw = plan.targetEffort * model.effortFitnessFactor * (1 + 0.25 * negativeForm)
        // Clamping before rounding gives round-then-clamp's value: the bounds are integers.
        let effort = nearestInteger(nonNegative: min(max(effortRaw, 1), 10))
        let sessionPain = p.sessionPain * effortRaw / 4 + model.fearPain

        // Safety: sharp or radiating pain stops the session at once.
        let risky = plan.twistsOrBends || plan.highImpact
        let sharpProbability = p.sharpPain * (1 + (risky ? p.sharpPainRisk : 0)) * latent / 5
        let sharp = draws.safety < sharpProbability
        let fraction = sharp ? 0.25 : (cutShort ? 0.5 : 1)
        let minutes = plan.minutes * fraction
        load = Double(effort) * minutes
        aerobicMinutes = plan.aerobicMinutes * fraction

        var sets = 0, lowestReps = 0
        if plan.hasStrength && plan.strengthSets > 0 {
            didStrength = true
            sets = fraction < 1 ? max(1, Int(Double(plan.strengthSets) * fraction)) : plan.strengthSets
            let capability = 1 + p.strengthGain * (1 - capacity.strengthUntrained)
            let relative = capability / max(plan.strengthLoad, 0.01)
            // relative^2.5 without `pow` (relative > 0).
            let maxReps = p.freshReps * (relative * relative * relative.squareRoot()) * (1 - 0.1 * min(negativeForm, 5))
            lowestReps = max(0, min(plan.strengthReps, Int(maxReps) - (sets - 1)))
            strengthVolume = Double(sets * lowestReps * plan.strengthExercises) * plan.strengthLoad
        }

        // Flare-up: risk grows when today's load spikes above what the person is used to.
        let acute = capacity.acuteLoad + 0.25 * (load - capacity.acuteLoad)
        let chronic = capacity.chronicLoad + (2.0 / 29) * (load - capacity.chronicLoad)
        let ratio = acute / (chronic + capacity.toleranceDaily)
        let riskFactor = 1 + ((plan.highImpact ? p.flareImpactRisk : 0) + (plan.twistsOrBends ? p.flareTwistRisk : 0))
            * latent / 10
        // exp(0) = 1 exactly: no spike, no call (most sessions).
        let spike = ratio > 1 ? model.exponential(p.flareSpike * (ratio - 1)) : 1
        let flareProbability = min(1, p.flareBase * riskFactor * spike)
        let uf = draws.flare
        if uf < flareProbability {
            // Given onset, uf / probability is uniform: it sets an exponential size.
            flareSize = -p.flareSize * log1p(-uf / flareProbability)
        }

        observation = SessionObservation(
            day: day, done: true, cutShort: cutShort || sharp, minutes: minutes, setsCompleted: sets,
            lowestReps: lowestReps, load: plan.strengthLoad,
            painBefore: PainReport.nrs(latent + noise),
            painDuring: PainReport.nrs(latent + sessionPain + noise),
            painAfter: PainReport.nrs(latent + 0.8 * sessionPain + flareSize + noise),
            painNextMorning: 0, effort: effort, sharpPain: sharp)
    }
}
