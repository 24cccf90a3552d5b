/// One model parameter as users see it: name, unit, range and source.
public struct ParameterSpec: Sendable {
    /// Dotted name used in scenario `parameters:` blocks and `--parameters`.
    public let name: String
    /// Unit, as in docs/model.md.
    public let unit: String
    /// Values outside this range are refused.
    public let range: ClosedRange<Double>
    /// Citation, or "assumption" with the reasoning.
    public let source: String
    /// Where the parameter lives in ``ModelParameters``.
    public let keyPath: WritableKeyPath<ModelParameters, Double> & Sendable

    /// The parameter's value in ``ModelParameters/defaults``.
    public var defaultValue: Double { ModelParameters.defaults[keyPath: keyPath] }
}

extension ModelParameters {
    /// Every tunable number of the model. `docs/model.md` lists the same
    /// table; a test keeps the two in step.
    public static let catalogue: [ParameterSpec] = [
        ParameterSpec(
            name: "course.acute.fast_share", unit: "fraction", range: 0...1,
            source: "Costa 2012 [D]: 28.0/52 of the two-exponential fit (evidence.md §1)", keyPath: \.acuteCourse.fastShare),
        ParameterSpec(
            name: "course.acute.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "Costa 2012 [D] (evidence.md §1)", keyPath: \.acuteCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.acute.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "Costa 2012 [D] (evidence.md §1)", keyPath: \.acuteCourse.slowTimeConstant),
        ParameterSpec(
            name: "course.persistent.fast_share", unit: "fraction", range: 0...1,
            source: "Costa 2012 [D]: 21.7/51 (evidence.md §1)", keyPath: \.persistentCourse.fastShare),
        ParameterSpec(
            name: "course.persistent.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "Costa 2012 [D] (evidence.md §1)", keyPath: \.persistentCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.persistent.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "Costa 2012 [D] (evidence.md §1)", keyPath: \.persistentCourse.slowTimeConstant),
        ParameterSpec(
            name: "course.post_surgical.fast_share", unit: "fraction", range: 0...1,
            source: "assumption: about half of post-operative pain settles in the first months",
            keyPath: \.postSurgicalCourse.fastShare),
        ParameterSpec(
            name: "course.post_surgical.fast_weeks", unit: "weeks", range: 0.1...520,
            source: "assumption", keyPath: \.postSurgicalCourse.fastTimeConstant),
        ParameterSpec(
            name: "course.post_surgical.slow_weeks", unit: "weeks", range: 0.1...100_000,
            source: "assumption", keyPath: \.postSurgicalCourse.slowTimeConstant),
        ParameterSpec(
            name: "pain.recovery_sd", unit: "log-scale SD", range: 0...3,
            source: "assumption: spread of courses between people (some do not recover)", keyPath: \.recoverySD),
        // Prognosis (course classes)
        ParameterSpec(
            name: "prognosis.acute.recovering", unit: "fraction", range: 0...0.95,
            source: "assumption guided by Henschke 2008 [V]: 72% of acute LBP fully recovered by 12 months, median 58 days to pain recovery",
            keyPath: \.recoveringShare.acute),
        ParameterSpec(
            name: "prognosis.persistent.recovering", unit: "fraction", range: 0...0.95,
            source: "calibrated (docs/calibration.md): Costa 2009 [V] 35% pain-free by 9 months, 42% by 12 months from presentation",
            keyPath: \.recoveringShare.persistent),
        ParameterSpec(
            name: "prognosis.chronic.recovering", unit: "fraction", range: 0...0.95,
            source: "assumption: the chronic course is flat by specification; nobody recovers by class",
            keyPath: \.recoveringShare.chronic),
        ParameterSpec(
            name: "prognosis.post_surgical.recovering", unit: "fraction", range: 0...0.95,
            source: "assumption", keyPath: \.recoveringShare.postSurgical),
        ParameterSpec(
            name: "prognosis.recovering_weeks", unit: "weeks", range: 0.5...520,
            source: "assumption: pain-free about 2.3 time constants after entry, near Henschke 2008's median 58 days [V]",
            keyPath: \.recoveringWeeks),
        ParameterSpec(
            name: "prognosis.fluctuating", unit: "fraction of those not recovering", range: 0...1,
            source: "calibrated (docs/calibration.md), jointly: Dunn 2006 [V] severe chronic 20.8% and recovering 30.4% of consulters, by rules on monthly reports",
            keyPath: \.fluctuatingShare),
        ParameterSpec(
            name: "prognosis.fluctuating_sd", unit: "log-scale SD", range: 0...2,
            source: "assumption: wider day-to-day swings than pain.daily_sd", keyPath: \.fluctuatingSD),
        ParameterSpec(
            name: "prognosis.fluctuating_autocorrelation", unit: "correlation", range: 0...0.99,
            source: "assumption: good and bad spells of weeks rather than days", keyPath: \.fluctuatingAutocorrelation),
        ParameterSpec(
            name: "pain.daily_sd", unit: "log-scale SD", range: 0...2,
            source: "assumption: within-person day-to-day variation of about 1 NRS point at 4-5",
            keyPath: \.dailyPainSD),
        ParameterSpec(
            name: "pain.daily_autocorrelation", unit: "correlation", range: 0...0.99,
            source: "assumption: good and bad days come in spells", keyPath: \.dailyPainAutocorrelation),
        ParameterSpec(
            name: "report.sd", unit: "log-scale SD", range: 0...2,
            source: "assumption: recall noise of a 7-day average", keyPath: \.reportSD),
        ParameterSpec(
            name: "report.session_sd", unit: "NRS points", range: 0...3,
            source: "assumption: momentary ratings are noisier than a weekly average", keyPath: \.sessionRatingSD),
        // Capacity
        ParameterSpec(
            name: "capacity.fitness_days", unit: "days", range: 1...365,
            source: "Banister τ1 = 42 d, software convention (TrainingPeaks PMC) [V]; fitted 38 (17-59) in Hellard 2006 [V] (evidence.md §5)",
            keyPath: \.fitnessDays),
        ParameterSpec(
            name: "capacity.fatigue_days", unit: "days", range: 0.5...120,
            source: "Banister τ2 = 7 d, software convention [V]; fitted 19 (6-32) in Hellard 2006 [V] (evidence.md §5)",
            keyPath: \.fatigueDays),
        ParameterSpec(
            name: "capacity.time_constant_sd", unit: "log-scale SD", range: 0...2,
            source: "Hellard 2006 [V]: wide between-person spread of fitted constants (evidence.md §5)", keyPath: \.timeConstantSD),
        ParameterSpec(
            name: "capacity.reference_weekly_load", unit: "AU/week", range: 1...100_000,
            source: "seed guidance target dose: 3 × 30 min at moderate effort (RPE 4), Foster 2001 units (evidence.md §6, §8)",
            keyPath: \.referenceWeeklyLoad),
        ParameterSpec(
            name: "capacity.pain_benefit", unit: "log-scale", range: 0...5,
            source: "calibrated (docs/calibration.md), jointly: Verville 2023 [V] exercise vs control pain SMD -0.33 (-0.58 to -0.08) in chronic LBP at week 12",
            keyPath: \.painBenefit),
        ParameterSpec(
            name: "capacity.half_benefit", unit: "capacity (1 = reference dose)", range: 0.01...10,
            source: "assumption: half the largest benefit at the reference dose's steady state",
            keyPath: \.halfBenefitCapacity),
        ParameterSpec(
            name: "capacity.benefit_hill", unit: "exponent", range: 0.5...6,
            source: "half the reference dose gives 0.4 of its benefit, as 'moderate' against 'good' adherence -6.9/-17.8 = 0.39 (2024 abstract) [V2]; moderate read as half the dose (assumption)",
            keyPath: \.benefitHill),
        ParameterSpec(
            name: "benefit.acute", unit: "fraction of chronic benefit", range: 0...2,
            source: "Hayden 2005 [V2]: exercise no better than no treatment in acute LBP (0.03/100); IJzelenberg 2023 [V]; Keller 2007 [V] effect size 0.07",
            keyPath: \.conditionBenefit.acute),
        ParameterSpec(
            name: "benefit.persistent", unit: "fraction of chronic benefit", range: 0...2,
            source: "assumption: as chronic pain (no separate estimate read)", keyPath: \.conditionBenefit.persistent),
        ParameterSpec(
            name: "benefit.post_surgical", unit: "fraction of chronic benefit", range: 0...2,
            source: "assumption: as chronic pain (no estimate read)", keyPath: \.conditionBenefit.postSurgical),
        ParameterSpec(
            name: "capacity.benefit_sd", unit: "log-scale SD", range: 0...3,
            source: "assumption: responders and non-responders (Owen 2020 spread across modes) (evidence.md §2)", keyPath: \.benefitSD),
        ParameterSpec(
            name: "capacity.soreness", unit: "NRS points per unit form", range: 0...10,
            source: "assumption: unaccustomed load causes next-day soreness", keyPath: \.soreness),
        ParameterSpec(
            name: "session.pain", unit: "NRS points", range: 0...10,
            source: "assumption: mild pain during exercise is common and allowed (Silbernagel 2007) (evidence.md §5)", keyPath: \.sessionPain),
        ParameterSpec(
            name: "session.fear_pain", unit: "NRS points", range: 0...10,
            source: "assumption: fear-avoidance amplifies pain during movement (Jack 2010 barriers) (evidence.md §4)", keyPath: \.fearSessionPain),
        ParameterSpec(
            name: "strength.gain", unit: "fraction of start load", range: 0...5,
            source: "assumption: novices gain substantially over months (ACSM 2009) (evidence.md §5)", keyPath: \.strengthGain),
        ParameterSpec(
            name: "strength.sessions", unit: "sessions", range: 1...1_000,
            source: "assumption", keyPath: \.strengthSessions),
        ParameterSpec(
            name: "strength.fresh_reps", unit: "reps", range: 1...50,
            source: "assumption: a light start load allows a set of about 12-13 reps (ACSM 2009 novice range 8-12) (evidence.md §5)",
            keyPath: \.freshReps),
        // Flare-ups
        ParameterSpec(
            name: "flare.base", unit: "probability per session", range: 0...1,
            source: "assumption; non-serious adverse events RR 1.19 exercise vs control (Niemeijer 2020) [V] (evidence.md §2)",
            keyPath: \.flareBase),
        ParameterSpec(
            name: "flare.spike", unit: "log-risk per unit ratio", range: 0...20,
            source: "assumption shaped by ACWR ≥ 1.5 risk (Gabbett 2016 [V2]) and >30%/week progressions HR 1.59 (Nielsen 2014) [V] (evidence.md §5)",
            keyPath: \.flareSpike),
        ParameterSpec(
            name: "flare.tolerance_unfit", unit: "AU/week", range: 0...100_000,
            source: "assumption", keyPath: \.toleranceUnfit),
        ParameterSpec(
            name: "flare.tolerance_fit", unit: "AU/week", range: 0...100_000,
            source: "assumption", keyPath: \.toleranceFit),
        ParameterSpec(
            name: "flare.impact_risk", unit: "relative risk at pain 10", range: 0...20,
            source: "seed guidance: running and heavy lifting carry more risk; size assumed (evidence.md §6)", keyPath: \.flareImpactRisk),
        ParameterSpec(
            name: "flare.twist_risk", unit: "relative risk at pain 10", range: 0...20,
            source: "seed guidance: twisting or bending may aggravate pain; size assumed (evidence.md §6)", keyPath: \.flareTwistRisk),
        ParameterSpec(
            name: "flare.size", unit: "NRS points", range: 0...10,
            source: "assumption", keyPath: \.flareSize),
        ParameterSpec(
            name: "flare.days", unit: "days", range: 0.5...60,
            source: "assumption: a flare-up lasts days to a couple of weeks", keyPath: \.flareDays),
        // Adherence
        ParameterSpec(
            name: "adherence.start", unit: "log-odds", range: -10...10,
            source: "assumption: one adherence figure identifies one adherence parameter, and adherence.stay is the one calibrated",
            keyPath: \.adherenceStart),
        ParameterSpec(
            name: "adherence.stay", unit: "log-odds", range: -10...10,
            source: "calibrated (docs/calibration.md), jointly: home-exercise non-adherence 30-70% (Beinart 2013) [V], supervised and home dropout; two-state Markov chain (PKPDsim)",
            keyPath: \.adherenceStay),
        ParameterSpec(
            name: "adherence.return", unit: "log-odds", range: -10...10,
            source: "two-state Markov adherence; Arensman 2023 trajectories [V] (evidence.md §4)", keyPath: \.adherenceReturn),
        ParameterSpec(
            name: "adherence.self_efficacy", unit: "log-odds per unit", range: -20...20,
            source: "Jack 2010: low self-efficacy is a barrier [V]; size assumed (evidence.md §4)", keyPath: \.adherenceSelfEfficacy),
        ParameterSpec(
            name: "adherence.fear_avoidance", unit: "log-odds per unit", range: -20...20,
            source: "Jack 2010 [V]; size assumed (evidence.md §4)", keyPath: \.adherenceFear),
        ParameterSpec(
            name: "adherence.supervision", unit: "log-odds", range: -10...10,
            source: "Beinart 2013: supervision raises adherence [V]; size assumed (evidence.md §4)", keyPath: \.adherenceSupervision),
        ParameterSpec(
            name: "adherence.burden", unit: "log-odds per unit", range: -20...20,
            source: "Jack 2010: perceived barriers [V]; size assumed (evidence.md §4)", keyPath: \.adherenceBurden),
        ParameterSpec(
            name: "adherence.session_pain", unit: "log-odds per NRS point", range: -10...10,
            source: "Jack 2010: pain during exercise [V]; size assumed (evidence.md §4)", keyPath: \.adherenceSessionPain),
        ParameterSpec(
            name: "adherence.habit", unit: "log-odds per log-week", range: -10...10,
            source: "assumption: habit formation", keyPath: \.adherenceHabit),
        ParameterSpec(
            name: "adherence.done_adherent", unit: "probability", range: 0...1,
            source: "assumption", keyPath: \.sessionDoneAdherent),
        ParameterSpec(
            name: "adherence.done_lapsed", unit: "probability", range: 0...1,
            source: "assumption", keyPath: \.sessionDoneLapsed),
        ParameterSpec(
            name: "adherence.cut_short", unit: "probability", range: 0...1,
            source: "assumption", keyPath: \.cutShort),
        // Dropout
        ParameterSpec(
            name: "dropout.base", unit: "log-odds per week", range: -20...5,
            source: "calibrated (docs/calibration.md), jointly: 10-20% dropout over supervised 8-12-week programmes [V]; 53.8% from an 8-week online home programme (Health Promot Perspect 2024) [V]",
            keyPath: \.dropoutBase),
        ParameterSpec(
            name: "dropout.flare", unit: "log-odds", range: -10...10,
            source: "assumption", keyPath: \.dropoutFlare),
        ParameterSpec(
            name: "dropout.lapsed", unit: "log-odds per week", range: -10...10,
            source: "Jack 2010: low in-treatment adherence predicts drop-out [V]; size assumed (evidence.md §4)", keyPath: \.dropoutLapsed),
        ParameterSpec(
            name: "dropout.no_improvement", unit: "log-odds", range: -10...10,
            source: "assumption", keyPath: \.dropoutNoImprovement),
        ParameterSpec(
            name: "dropout.supervision", unit: "log-odds", range: -10...10,
            source: "calibrated (docs/calibration.md), jointly: supervised 10-20% against home 53.8% dropout by week 8 [V]",
            keyPath: \.dropoutSupervision),
        ParameterSpec(
            name: "dropout.week_slope", unit: "log-odds per log week", range: -5...5,
            source: "assumption: dropout highest in the first programme weeks and falling (hazard about ∝ week^-0.7)",
            keyPath: \.dropoutWeekSlope),
        // Safety
        ParameterSpec(
            name: "safety.sharp_pain", unit: "probability per session", range: 0...1,
            source: "assumption; serious adverse events not raised by exercise (Niemeijer 2020 RR 0.96) [V] (evidence.md §2)",
            keyPath: \.sharpPain),
        ParameterSpec(
            name: "safety.sharp_pain_risk", unit: "relative increase", range: 0...20,
            source: "seed guidance: twisting, bending and high impact carry more risk; size assumed (evidence.md §6)", keyPath: \.sharpPainRisk),
        ParameterSpec(
            name: "safety.resume_dose", unit: "fraction", range: 0...1,
            source: "seed guidance: stop, seek physical therapy, resume gently; fraction assumed (evidence.md §6)", keyPath: \.resumeDose),
        ParameterSpec(
            name: "safety.doctor_flag_week", unit: "weeks", range: 1...520,
            source: "seed guidance: no improvement after a few weeks; MCID 2 points or 30% (Ostelo 2008) [V] (evidence.md §3, §6)",
            keyPath: \.doctorFlagWeek),
        // Function
        ParameterSpec(
            name: "function.intercept", unit: "disability points", range: -50...100,
            source: "assumption: ODI about 30-40 at NRS 5-6 in chronic LBP trials", keyPath: \.disabilityIntercept),
        ParameterSpec(
            name: "function.per_pain", unit: "disability points per NRS point", range: 0...20,
            source: "calibrated under model 1 (docs/calibration.md) to Hayden 2021 function -6.8/100 beside pain -15.2 [V2]; kept in model 2 (Hayden is now a known gap)",
            keyPath: \.disabilityPerPain),
        ParameterSpec(
            name: "function.person_sd", unit: "disability points", range: 0...50,
            source: "assumption", keyPath: \.disabilitySD),
        ParameterSpec(
            name: "function.capacity", unit: "disability points", range: 0...50,
            source: "assumption", keyPath: \.disabilityCapacity),
    ]

    /// The parameter called `name`, or nil.
    public static func spec(named name: String) -> ParameterSpec? {
        catalogue.first { $0.name == name }
    }
}
