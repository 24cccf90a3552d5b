/// One person under one policy, from baseline to the horizon.
///
/// Draw discipline (see `docs/randomness.md`): every week consumes the same
/// calls from each purpose's stream whatever the policy prescribes, so the
/// streams stay aligned across policies and a person meets the same luck in
/// everything the programme does not cause.
struct PersonRun {
    let traits: PersonTraits
    let parameters: ModelParameters
    let weeks: Int

    /// Simulates and hands each week's outcome to `record` (week 0 first).
    @inline(__always)
    func simulate<Policy: ProgressionPolicy>(
        _ policy: Policy, streams: PersonStreams, record: (WeekOutcome) -> Void
    ) {
        var pain = PainProcess(traits: traits, parameters: parameters)
        pain.startFluctuation(streams.pain.gaussian())

        // Week 0: the baseline report, before anything starts.
        var sum = 0.0
        for _ in 0..<7 { sum += pain.nextDay(innovation: streams.pain.gaussian(), holdCourse: true) }
        let baselineReport = PainReport.nrs(sum / 7, recallError: streams.report.gaussian(), sd: parameters.reportSD)
        record(WeekOutcome(week: 0, painReport: baselineReport, sessionsPrescribed: 0, sessionsDone: 0, retained: true))

        let intake = BaselineObservation(
            painReport: baselineReport, sessionsAvailable: traits.sessionsAvailable,
            supervised: traits.supervised, clearanceWeek: traits.clearanceWeek)
        var (state, decision) = policy.start(intake)
        let retained = true  // dropout arrives with the exercise model

        for week in 1...max(weeks, 1) where week <= weeks {
            let prescription = decision.prescription
            sum = 0
            for _ in 0..<7 { sum += pain.nextDay(innovation: streams.pain.gaussian()) }
            let report = PainReport.nrs(sum / 7, recallError: streams.report.gaussian(), sd: parameters.reportSD)
            var observation = WeekObservation(
                week: week, prescription: prescription, painReport: report, baselinePainReport: baselineReport)
            observation.sessionsPrescribed = prescription.sessionsPerWeek
            observation.inProgramme = retained
            record(WeekOutcome(
                week: week, painReport: report, sessionsPrescribed: prescription.sessionsPerWeek,
                sessionsDone: 0, retained: retained))
            decision = policy.decide(after: observation, state: &state)
        }
    }
}

/// What the engine aggregates about one person-week.
struct WeekOutcome {
    var week: Int
    var painReport: Int
    var sessionsPrescribed: Int
    var sessionsDone: Int
    /// Not dropped out (under `control` there is nothing to drop out of).
    var retained: Bool
}
