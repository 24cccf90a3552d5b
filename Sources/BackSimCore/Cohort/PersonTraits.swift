import Foundation
import Stochastics

/// What is fixed about a person for the whole run, drawn once from their
/// profile before any policy runs, so it is the same under every policy.
///
/// The draw order is part of the reproducibility contract (see
/// `docs/randomness.md`); new traits are appended at the end.
public struct PersonTraits: Equatable, Sendable {
    /// Index of the cohort profile the person was drawn from.
    public var profileIndex: Int
    /// The person's condition.
    public var condition: Condition
    /// Latent average pain at entry, NRS 0-10 (continuous).
    public var baselinePain: Double
    /// Weeks since the episode began, at entry.
    public var weeksSinceOnset: Double
    /// Aerobic fitness, 0-1.
    public var fitness: Double
    /// Self-efficacy, 0-1.
    public var selfEfficacy: Double
    /// Fear-avoidance, 0-1.
    public var fearAvoidance: Double
    /// Sessions a week the person can manage, 1-7.
    public var sessionsAvailable: Int
    /// The programme is supervised by a clinician.
    public var supervised: Bool
    /// First week in which resistance training is allowed (0 = from the start).
    public var clearanceWeek: Int
    /// Standard-normal person effect on recovery (how much better or worse
    /// than the condition's average course this person fares).
    public var recoveryEffect: Double
    /// Standard-normal effects on the person's response to exercise: the
    /// fitness and fatigue time constants, the pain benefit of built capacity,
    /// and their disability score at a given pain. Scaled by model parameters
    /// at run time, so overriding a parameter never shifts anyone's draws.
    public var fitnessTimeEffect: Double
    /// Standard-normal effect on the fatigue time constant.
    public var fatigueTimeEffect: Double
    /// Standard-normal effect on the pain benefit of built capacity.
    public var responseEffect: Double
    /// Standard-normal effect on disability at a given pain.
    public var disabilityEffect: Double
    /// Uniform 0-1 that places the person in a course class (model 2):
    /// ``CourseClass/of(_:condition:parameters:)`` compares it with the
    /// condition's class shares, so changing a share never shifts a draw.
    public var prognosis: Double

    /// Traits as drawn (or set by hand in tests).
    public init(
        profileIndex: Int = 0, condition: Condition, baselinePain: Double, weeksSinceOnset: Double = 0,
        fitness: Double = 0.5, selfEfficacy: Double = 0.6, fearAvoidance: Double = 0.4,
        sessionsAvailable: Int = 4, supervised: Bool = false, clearanceWeek: Int = 0, recoveryEffect: Double = 0,
        fitnessTimeEffect: Double = 0, fatigueTimeEffect: Double = 0, responseEffect: Double = 0,
        disabilityEffect: Double = 0, prognosis: Double = 0.5
    ) {
        self.profileIndex = profileIndex
        self.condition = condition
        self.baselinePain = baselinePain
        self.weeksSinceOnset = weeksSinceOnset
        self.fitness = fitness
        self.selfEfficacy = selfEfficacy
        self.fearAvoidance = fearAvoidance
        self.sessionsAvailable = sessionsAvailable
        self.supervised = supervised
        self.clearanceWeek = clearanceWeek
        self.recoveryEffect = recoveryEffect
        self.fitnessTimeEffect = fitnessTimeEffect
        self.fatigueTimeEffect = fatigueTimeEffect
        self.responseEffect = responseEffect
        self.disabilityEffect = disabilityEffect
        self.prognosis = prognosis
    }

    /// A recovering person's recovery rate, per week: −ln(1 − v)/τR with
    /// v = prognosis / w, uniform inside the class (exponential rates with
    /// mean 1/τR, τR = `prognosis.recovering_weeks`); 0 for other classes.
    public func recoveryRate(_ parameters: ModelParameters) -> Double {
        let w = parameters.recoveringShare[condition]
        guard prognosis < w else { return 0 }
        return -log1p(-prognosis / w) / parameters.recoveringWeeks
    }

    /// This person's course class under `parameters`.
    public func courseClass(_ parameters: ModelParameters) -> CourseClass {
        CourseClass.of(prognosis, condition: condition, parameters: parameters)
    }

    /// Draws a person of `cohort` from the `traits` stream, which must be
    /// freshly started for that person.
    public static func draw(from cohort: Cohort, membership: Categorical<Int>, stream: RandomStream) -> PersonTraits {
        let index = membership.draw(stream)
        let profile = cohort.profiles[index]
        let condition = profile.condition.draw(stream)
        let baseline = min(max(profile.baselinePain.draw(stream), 0), 10)
        let onset = max(profile.weeksSinceOnset.draw(stream), 0)
        let fitness = clampUnit(profile.fitness.draw(stream))
        let efficacy = clampUnit(profile.selfEfficacy.draw(stream))
        let fear = clampUnit(profile.fearAvoidance.draw(stream))
        let available = Int(profile.sessionsAvailable.draw(stream).rounded()).clamped(to: 1...7)
        let supervised = stream.bernoulli(profile.supervisedProbability)
        let clearance = condition == .postSurgical ? max(Int(profile.clearanceWeek.draw(stream).rounded()), 0) : 0
        if condition != .postSurgical { _ = profile.clearanceWeek.draw(stream) }  // keep later draws aligned
        let recovery = stream.gaussian(sd: 1)
        let fitnessTime = stream.gaussian(sd: 1)
        let fatigueTime = stream.gaussian(sd: 1)
        let response = stream.gaussian(sd: 1)
        let disability = stream.gaussian(sd: 1)
        let prognosis = stream.uniform()
        return PersonTraits(
            profileIndex: index, condition: condition, baselinePain: baseline, weeksSinceOnset: onset,
            fitness: fitness, selfEfficacy: efficacy, fearAvoidance: fear, sessionsAvailable: available,
            supervised: supervised, clearanceWeek: clearance, recoveryEffect: recovery,
            fitnessTimeEffect: fitnessTime, fatigueTimeEffect: fatigueTime, responseEffect: response,
            disabilityEffect: disability, prognosis: prognosis)
    }
}

@inline(__always) func clampUnit(_ x: Double) -> Double { min(max(x, 0), 1) }

extension Comparable {
    @inline(__always) func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
