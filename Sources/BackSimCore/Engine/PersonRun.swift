import Foundation
import Stochastics

/// One person under one policy, from baseline to the horizon, day by day.
///
/// Draw discipline (see `docs/randomness.md`): week 0 takes 8 Gaussians
/// from `pain` and the first Gaussian of `report`'s sub-stream 0; every
/// later week takes the next 7 from `pain` and, from each other purpose's
/// sub-stream for the week, the values that week needs (``WeeklyDraws``).
/// A value's place in its stream depends on the person, week and slot only,
/// so a person meets the same luck under every policy in everything the
/// programme does not cause.
///
/// Engine-enforced safety rules (not left to policies): sharp or radiating
/// pain stops the session and raises a referral, the next week is rest and
/// the week after resumes at `safety.resume_dose`; no resistance work before
/// a post-surgical person's clearance week; no meaningful improvement at
/// `safety.doctor_flag_week` raises a see-a-doctor flag (recorded only).
struct PersonRun {
    let model: PersonModel
    let weeks: Int

    init(traits: PersonTraits, parameters: ModelParameters, weeks: Int, exponential: Exponential = Exponential()) {
        model = PersonModel(traits: traits, parameters: parameters, exponential: exponential)
        self.weeks = weeks
    }

    /// Simulates and hands each week's outcome to `record` (week 0 first);
    /// `observe`, when given, also receives what the policy saw and decided.
    @inline(__always)
    func simulate<Policy: ProgressionPolicy>(
        _ policy: Policy, streams: PersonStreams, record: (WeekOutcome) -> Void,
        observe: ((WeekObservation, WeekOutcome, PolicyDecision) -> Void)? = nil
    ) {
        withUnsafeTemporaryAllocation(of: WeekObservation.self, capacity: 1) { buffer in
            simulate(policy, streams: streams, observation: buffer.baseAddress!, record: record, observe: observe)
        }
    }

    /// ``simulate(_:streams:record:observe:)`` with the week's observation
    /// kept in `observation` (uninitialised memory the caller owns; left
    /// uninitialised), reset in place each week rather than built anew.
    /// Handing it to `decide` still copies it (0.9 KB) into a temporary in
    /// the specialised loops: `decide` is opaque to the compiler, which
    /// passes a large struct by the address of a copy when it cannot prove
    /// that the callee leaves the original alone (a local variable fares
    /// no better; measured).
    @inline(__always)
    func simulate<Policy: ProgressionPolicy>(
        _ policy: Policy, streams: PersonStreams, observation: UnsafeMutablePointer<WeekObservation>,
        record: (WeekOutcome) -> Void,
        observe: ((WeekObservation, WeekOutcome, PolicyDecision) -> Void)? = nil
    ) {
        let p = model.parameters
        let traits = model.traits
        var pain = PainProcess(traits: traits, parameters: p)
        var capacity = Capacity(traits: traits, parameters: p)
        pain.startFluctuation(streams.pain.gaussian())

        // Week 0: the baseline report, before anything starts.
        var sum = 0.0
        for _ in 0..<7 { sum += pain.nextDay(innovation: streams.pain.gaussian(), holdCourse: true).value(model.exponential) }
        streams.report.enterSubStream(0)
        let baselineReport = PainReport.nrs(
            sum / 7, recallError: streams.report.gaussian(), sd: p.reportSD, exp: model.exponential)
        let baseline = WeekOutcome.baseline(
            painReport: baselineReport, latentPain: sum / 7,
            disabilityScore: model.disabilityScore(weeklyPain: sum / 7, capacity: capacity))
        record(baseline)

        let intake = BaselineObservation(
            painReport: baselineReport, sessionsAvailable: traits.sessionsAvailable,
            supervised: traits.supervised, clearanceWeek: traits.clearanceWeek)
        var (state, decision) = policy.start(intake)
        if let observe {
            observe(WeekObservation(week: 0, prescription: .none, painReport: baselineReport,
                                    baselinePainReport: baselineReport), baseline, decision)
        }

        let flareDecay = Exponential.exp(-1 / p.flareDays)
        var draws = WeeklyDraws()
        var flare = 0.0
        var retained = true, programmeStarted = false
        var adherent: Bool? = nil
        var adherentStreak = 0, lapsedStreak = 0, programmeWeek = 0
        var lastWorstSessionPain = 0, lastFlareWeek = Int.min / 2
        var restNextWeek = false, resumeNextWeek = false
        var outcome = baseline
        var planned = Prescription.none
        observation.initialize(to: WeekObservation(
            week: 0, prescription: .none, painReport: 0, baselinePainReport: baselineReport))
        defer { observation.deinitialize(count: 1) }
        var plan = SessionPlan(planned)

        guard weeks >= 1 else { return }
        for week in 1...weeks {

            // The engine's safety rules shape what is actually prescribed.
            var prescription = decision.prescription
            prescription.sessionsPerWeek = min(max(prescription.sessionsPerWeek, 0), 7)
            if !prescription.isEmpty { programmeStarted = true }
            let resting = restNextWeek
            restNextWeek = false
            if resting {
                prescription.sessionsPerWeek = 0
                resumeNextWeek = true
            } else if resumeNextWeek && !prescription.isEmpty {
                prescription.aerobic.minutes *= p.resumeDose
                prescription.strength.load *= p.resumeDose
                resumeNextWeek = false
            }
            if traits.condition == .postSurgical && week < traits.clearanceWeek {
                prescription.strength = .none
            }
            let sessions = retained ? prescription.sessionsPerWeek : 0
            draws.fill(from: streams, week: week, sessions: sessions, atRiskOfDropout: retained && programmeStarted)
            // The plan is read only on session days, and is a function of the
            // prescription alone: rebuilt only when the prescription changes.
            if sessions > 0 && prescription != planned {
                plan = SessionPlan(prescription)
                planned = prescription
            }

            // Adherence: a weekly two-state Markov chain.
            var doneProbability = 0.0
            if sessions > 0 {
                let burden = max(0, Double(sessions) / Double(traits.sessionsAvailable) - 1)
                    + max(0, Double(sessions) * plan.minutes / 150 - 1)
                let logit = model.adherenceTraitLogit + p.adherenceBurden * burden
                    + p.adherenceSessionPain * Double(max(0, lastWorstSessionPain - 5))
                    + p.adherenceHabit * CountLogarithms.log1p(of: adherentStreak)
                    + (adherent.map { $0 ? p.adherenceStay : p.adherenceReturn } ?? p.adherenceStart)
                let isAdherent = draws.adherence < model.logistic(logit)
                adherent = isAdherent
                if isAdherent { adherentStreak += 1; lapsedStreak = 0 } else { adherentStreak = 0; lapsedStreak += 1 }
                doneProbability = isAdherent ? p.sessionDoneAdherent : p.sessionDoneLapsed
            }

            // Reset in place: a new observation every week cost a copy of
            // seven blank sessions (about 0.7 KB).
            observation.pointee.week = week
            observation.pointee.requested = decision.prescription
            observation.pointee.delivered = prescription
            observation.pointee.painReport = 0
            observation.pointee.sessions.reset(to: sessions)  // slots 0..<sessions blank (skipped)
            observation.pointee.sessionsDone = 0
            observation.pointee.inProgramme = retained
            observation.pointee.referral = false

            // The week's natural pain first: it depends on the `pain` stream
            // alone, nothing the programme does, so the days' draws and
            // recurrences need not wait on the day loop's `exp`s (measured:
            // about 10 % faster; evaluating N's `exp`s here too in weeks
            // without benefit was not).
            var naturalPain = InlineArray<7, NaturalPain>(repeating: NaturalPain(scale: 0, logFactor: 0))
            for day in 0..<7 { naturalPain[day] = pain.nextDay(innovation: streams.pain.gaussian()) }

            sum = 0
            let sessionDays = SessionDay.days(sessions: sessions)
            var slot = 0, done = 0, weekLoad = 0.0, worst = 0, flareThisWeek = false
            var aerobicMinutes = 0.0, strengthVolume = 0.0
            if sessionDays == 0 && capacity.isUntouched {
                // Nothing done, ever, nor this week (all of `control`, and
                // every week before a programme starts): the capacity stays
                // zero, so the days need neither its update nor a session's
                // branch. The same operations as the loop below.
                for day in 0..<7 {
                    let latent = model.latentPain(natural: naturalPain[day], capacity: capacity, flare: flare)
                    sum += latent
                    flare *= flareDecay
                }
                outcome.dailyLoads = InlineArray(repeating: 0)
            } else {
                for day in 0..<7 {
                    let natural = naturalPain[day]
                    let latent = model.latentPain(natural: natural, capacity: capacity, flare: flare)
                    sum += latent
                    var load = 0.0
                    if sessionDays & (1 << day) != 0 {
                        var session = SessionDay(
                            day: day, plan: plan, doneProbability: doneProbability, latent: latent,
                            capacity: capacity, model: model, draws: draws.slot(slot))
                        if session.observation.done {
                            done += 1
                            load = session.load
                            aerobicMinutes += session.aerobicMinutes
                            strengthVolume += session.strengthVolume
                            if session.didStrength { capacity.countStrengthSession() }
                            if session.flareSize > 0 {
                                flare += session.flareSize
                                outcome.flareUps += 1
                                flareThisWeek = true
                                lastFlareWeek = week
                            }
                            if session.observation.sharpPain {
                                observation.pointee.referral = true
                                outcome.referrals += 1
                                restNextWeek = true
                            }
                            worst = max(worst, max(session.observation.painDuring, session.observation.painAfter))
                        }
                        capacity.endDay(load: load)
                        if session.observation.done {
                            let morning = model.latentPain(natural: natural, capacity: capacity, flare: flare)
                            session.observation.painNextMorning = PainReport.nrs(
                                morning + p.sessionRatingSD * draws.ratingNoise[slot])
                        }
                        observation.pointee.sessions[slot] = session.observation
                        slot += 1
                    } else {
                        capacity.endDay(load: 0)
                    }
                    weekLoad += load
                    outcome.dailyLoads[day] = load
                    flare *= flareDecay
                }
            }

            let weeklyPain = sum / 7
            let report = PainReport.nrs(weeklyPain, recallError: draws.recallError, sd: p.reportSD, exp: model.exponential)
            observation.pointee.painReport = report
            observation.pointee.sessionsDone = done
            if sessions > 0 { lastWorstSessionPain = worst }

            // Dropout is absorbing; ITT: pain is still reported afterwards.
            if retained && programmeStarted {
                let noImprovement = week > 4 && report >= baselineReport
                programmeWeek += 1
                let logit = model.dropoutTraitLogit
                    + p.dropoutWeekSlope * CountLogarithms.log(of: programmeWeek)
                    + (week - lastFlareWeek < 2 ? p.dropoutFlare : 0)
                    + p.dropoutLapsed * Double(lapsedStreak)
                    + (noImprovement ? p.dropoutNoImprovement : 0)
                if draws.dropout < model.logistic(logit) {
                    retained = false
                    outcome.dropoutWeek = week
                }
            }
            if programmeStarted && week == model.doctorFlagWeek && !outcome.doctorFlag {
                let improvement = baselineReport - report
                if improvement < 2 && Double(improvement) < 0.3 * Double(baselineReport) { outcome.doctorFlag = true }
            }

            outcome.week = week
            outcome.previousPainReport = outcome.painReport
            outcome.painReport = report
            if outcome.firstResponseWeek == 0 && WeekOutcome.sustained(
                WeekOutcome.responds30, baseline: baselineReport, previous: outcome.previousPainReport, report: report)
            {
                outcome.firstResponseWeek = week
            }
            if outcome.firstPainFreeWeek == 0 && report == 0 { outcome.firstPainFreeWeek = week }
            outcome.benefit = model.benefit(capacity)
            outcome.aerobicMinutes = aerobicMinutes
            outcome.strengthVolume = strengthVolume
            outcome.loads.append(dailyLoads: outcome.dailyLoads)
            outcome.latentPain = weeklyPain
            outcome.disabilityScore = model.disabilityScore(weeklyPain: weeklyPain, capacity: capacity)
            outcome.disability = nearestInteger(nonNegative: outcome.disabilityScore)
            outcome.sessionsPrescribed = sessions
            outcome.sessionsDone = done
            outcome.load = weekLoad
            outcome.retained = retained
            outcome.flareUpThisWeek = flareThisWeek
            record(outcome)
            decision = policy.decide(after: observation.pointee, state: &state)
            observe?(observation.pointee, outcome, decision)
        }
    }
}
