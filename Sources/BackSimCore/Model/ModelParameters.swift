/// Every number of the model, with the defaults BackSim ships.
///
/// Each field is listed in ``ModelParameters/catalogue`` with its unit,
/// accepted range and source, and in `docs/model.md`. Scenario files
/// override fields by their catalogue name.
public struct ModelParameters: Equatable, Sendable {
    // MARK: Natural history (no exercise), by condition
    /// Natural recovery curve of acute pain (Costa 2012; docs/model.md).
    public var acuteCourse = RecoveryCurve(fastShare: 28.0 / 52, fastTimeConstant: 2.5, slowTimeConstant: 37.5)
    /// Natural recovery curve of persistent pain (Costa 2012; docs/model.md).
    public var persistentCourse = RecoveryCurve(fastShare: 21.7 / 51, fastTimeConstant: 3.8, slowTimeConstant: 213.6)
    /// Chronic pain: no natural trend.
    public var chronicCourse = RecoveryCurve.flat
    /// Post-surgical recovery curve (an assumption; docs/model.md).
    public var postSurgicalCourse = RecoveryCurve(fastShare: 0.45, fastTimeConstant: 4, slowTimeConstant: 500)

    /// Log-scale SD of the person effect on recovery, reached once the
    /// condition's curve has fully resolved.
    public var recoverySD = 0.6

    // MARK: Prognosis (course classes; model 2)
    /// Share of each condition's people in the `recovering` class, whose pain
    /// resolves fully (the other classes carry the rest of the mean course).
    public var recoveringShare = ConditionValues(acute: 0.6, persistent: 0.5888, chronic: 0, postSurgical: 0.3)
    /// Time constant of the recovering class's course, weeks.
    public var recoveringWeeks = 6.0
    /// Share of the people not recovering whose pain fluctuates widely.
    public var fluctuatingShare = 0.07655
    /// Log-scale SD of the fluctuating class's daily variation.
    public var fluctuatingSD = 0.5
    /// Lag-1 autocorrelation of the fluctuating class's daily variation.
    public var fluctuatingAutocorrelation = 0.9
    /// Log-scale SD of day-to-day pain fluctuation.
    public var dailyPainSD = 0.25
    /// Lag-1 autocorrelation of daily fluctuation (good and bad spells).
    public var dailyPainAutocorrelation = 0.5
    /// Log-scale SD of recall noise in the weekly report.
    public var reportSD = 0.10
    /// SD of the noise in a momentary session pain rating, NRS points.
    public var sessionRatingSD = 0.5

    // MARK: Capacity (Banister fitness-fatigue on session-RPE load)
    /// Fitness time constant τ1, days.
    public var fitnessDays = 42.0
    /// Fatigue time constant τ2, days.
    public var fatigueDays = 7.0
    /// Log-scale SD of both time constants between people.
    public var timeConstantSD = 0.3
    /// Weekly load that defines capacity 1: 3 sessions × 30 min × RPE 4, AU/week.
    public var referenceWeeklyLoad = 360.0
    /// Largest log-reduction of pain that built capacity can bring.
    public var painBenefit = 1.571
    /// Capacity (1 = steady state of the reference dose) at which half the
    /// largest benefit is reached.
    public var halfBenefitCapacity = 0.6
    /// Hill exponent of the dose-response of the benefit to capacity.
    public var benefitHill = 2.0
    /// Benefit of exercise by condition, relative to chronic pain's (1).
    public var conditionBenefit = ConditionValues(acute: 0, persistent: 1, chronic: 1, postSurgical: 1)
    /// Log-scale SD of the benefit between people (responders and non-responders).
    public var benefitSD = 0.5
    /// Soreness when fatigue runs ahead of fitness, NRS points per unit of negative form.
    public var soreness = 0.6
    /// Pain during a session at reference effort, NRS points above pain before.
    public var sessionPain = 0.6
    /// Extra session pain per unit of fear-avoidance (0-1), NRS points.
    public var fearSessionPain = 0.8
    /// Strength capability gained after many strength sessions, fraction of the start load.
    public var strengthGain = 0.5
    /// Strength sessions over which capability approaches its gain (e-folding count).
    public var strengthSessions = 24.0
    /// Reps a person can do at their starting load when fresh.
    public var freshReps = 13.0

    // MARK: Flare-ups
    /// Flare-up probability per session at an acute:chronic load ratio of 1.
    public var flareBase = 0.005
    /// Exponential growth of flare risk per unit of acute:chronic ratio above 1.
    public var flareSpike = 4.0
    /// Load a person tolerates without training, AU/week, at fitness 0 and 1.
    public var toleranceUnfit = 100.0
    /// Load tolerated without training at fitness 1, AU/week.
    public var toleranceFit = 300.0
    /// Added relative risk for high-impact exercise, at pain 10 (scales with pain).
    public var flareImpactRisk = 1.0
    /// Added relative risk for twisting or bending exercise, at pain 10.
    public var flareTwistRisk = 0.6
    /// Mean extra pain of a flare-up at onset, NRS points (exponential size).
    public var flareSize = 1.5
    /// Decay time constant of flare-up pain, days.
    public var flareDays = 5.0

    // MARK: Adherence (two-state weekly Markov chain)
    /// Log-odds of being adherent in the first programme week.
    public var adherenceStart = 1.6
    /// Log-odds of staying adherent (p11).
    public var adherenceStay = 1.258
    /// Log-odds of returning to adherence from a lapsed week (p01).
    public var adherenceReturn = -1.1
    /// Log-odds per unit of self-efficacy above 0.6.
    public var adherenceSelfEfficacy = 2.0
    /// Log-odds per unit of fear-avoidance above 0.4.
    public var adherenceFear = -2.5
    /// Log-odds for a supervised programme.
    public var adherenceSupervision = 0.8
    /// Log-odds per unit of burden (sessions beyond what the person can manage, relative).
    public var adherenceBurden = -1.5
    /// Log-odds per NRS point of last week's worst session pain above 5.
    public var adherenceSessionPain = -0.3
    /// Log-odds per log(1 + adherent weeks in a row) (habit).
    public var adherenceHabit = 0.3
    /// Probability of doing a prescribed session in an adherent week.
    public var sessionDoneAdherent = 0.85
    /// Probability of doing a prescribed session in a lapsed week.
    public var sessionDoneLapsed = 0.1
    /// Probability that a done session is cut short (half the dose).
    public var cutShort = 0.08

    // MARK: Dropout
    /// Weekly log-odds of dropping out of the programme.
    public var dropoutBase = -2.099
    /// Log-odds for a flare-up in the past two weeks.
    public var dropoutFlare = 1.0
    /// Log-odds per lapsed week in a row.
    public var dropoutLapsed = 0.35
    /// Log-odds when pain is no better than at baseline after week 4.
    public var dropoutNoImprovement = 0.6
    /// Log-odds for a supervised programme.
    public var dropoutSupervision = -1.598
    /// Log-odds per log of the programme week (negative: the hazard is
    /// highest in the first weeks and falls).
    public var dropoutWeekSlope = -0.7

    // MARK: Safety rules
    /// Probability of sharp or radiating pain per session at pain 5, low-risk exercise.
    public var sharpPain = 0.002
    /// Relative increase for twisting/bending or high-impact work.
    public var sharpPainRisk = 1.5
    /// Dose after a week's rest following a referral, fraction of the policy's.
    public var resumeDose = 0.7
    /// Week at which "no meaningful improvement" raises a see-a-doctor flag.
    public var doctorFlagWeek = 6.0

    // MARK: Function (Oswestry-like disability 0-100)
    /// Disability at no pain and average capacity, points 0-100.
    public var disabilityIntercept = 8.0
    /// Disability points per NRS point of average pain.
    public var disabilityPerPain = 4.19
    /// SD of the person effect, disability points.
    public var disabilitySD = 8.0
    /// Disability points removed at full built capacity.
    public var disabilityCapacity = 1.0

    /// The calibrated defaults (docs/model.md).
    public init() {}

    /// The calibrated defaults.
    public static let defaults = ModelParameters()

    /// The natural recovery curve of `condition`.
    public func course(for condition: Condition) -> RecoveryCurve {
        switch condition {
        case .acute: acuteCourse
        case .persistent: persistentCourse
        case .chronic: chronicCourse
        case .postSurgical: postSurgicalCourse
        }
    }
}

/// One number per condition.
public struct ConditionValues: Equatable, Sendable {
    /// The value for acute pain.
    public var acute: Double
    /// The value for persistent pain.
    public var persistent: Double
    /// The value for chronic pain.
    public var chronic: Double
    /// The value for post-surgical pain.
    public var postSurgical: Double

    /// One value per condition.
    public init(acute: Double, persistent: Double, chronic: Double, postSurgical: Double) {
        self.acute = acute
        self.persistent = persistent
        self.chronic = chronic
        self.postSurgical = postSurgical
    }

    /// The value for `condition`.
    public subscript(condition: Condition) -> Double {
        switch condition {
        case .acute: acute
        case .persistent: persistent
        case .chronic: chronic
        case .postSurgical: postSurgical
        }
    }
}
