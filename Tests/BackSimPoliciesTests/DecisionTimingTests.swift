import BackSimCore
import BackSimPolicyTesting
import Testing

/// Echoes the week it was called after in `rule`, so a trace shows every call.
private struct EchoPolicy: ProgressionPolicy {
    let dose: Prescription
    var label: String { "echo" }
    func start(_ baseline: BaselineObservation) -> (Int, PolicyDecision) {
        (0, PolicyDecision(dose, reason: "start", rule: 0))
    }
    func decide(after week: WeekObservation, state calls: inout Int) -> PolicyDecision {
        calls += 1
        return PolicyDecision(dose, reason: "echo", rule: week.week)
    }
}

/// Takes next week's dose from what it observed: from `requested` it keeps
/// its programme through a rest week; from `delivered` it would stop.
private struct FromObservationPolicy: ProgressionPolicy {
    let readsRequested: Bool
    var label: String { readsRequested ? "requested" : "delivered" }
    func start(_ baseline: BaselineObservation) -> (NoState, PolicyDecision) {
        (NoState(), PolicyDecision(StartingDose.seedDocument, reason: "start"))
    }
    func decide(after week: WeekObservation, state: inout NoState) -> PolicyDecision {
        PolicyDecision(readsRequested ? week.requested : week.delivered, reason: "same again")
    }
}

/// When the engine calls `decide`, and what the observation says was
/// requested and delivered, checked on traced people of the chronic cohort.
@Suite struct DecisionTimingTests {
    static let weeks = 26
    static func trace<Policy: ProgressionPolicy>(_ policy: Policy, person: Int) throws -> PersonTrace {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [policy], persons: 400, weeks: weeks, seed: 3, threads: 1)
        return try Simulator.trace(plan, policyIndex: 0, person: person)
    }

    @Test func decideIsCalledAfterEveryWeekIncludingTheLast() throws {
        let trace = try Self.trace(EchoPolicy(dose: StartingDose.seedDocument), person: 0)
        #expect(trace.weeks.map(\.decision.rule) == (0...Self.weeks).map { $0 })
    }

    @Test func decideIsStillCalledAfterDropoutWithNoSessions() throws {
        var found = false
        for person in 0..<400 {
            let trace = try Self.trace(EchoPolicy(dose: StartingDose.seedDocument), person: person)
            guard let out = trace.weeks.firstIndex(where: { !$0.observation.inProgramme }) else { continue }
            found = true
            #expect(out < Self.weeks + 1)
            for week in trace.weeks[out...] {
                #expect(!week.observation.inProgramme)
                #expect(week.observation.sessions.isEmpty && week.observation.sessionsDone == 0)
                #expect(week.decision.rule == week.observation.week)
            }
            break
        }
        #expect(found, "no one of 400 dropped out; choose another seed")
    }

    @Test func afterAReferralTheRestAndResumptionAreDeliveredNotRequested() throws {
        let policy = EchoPolicy(dose: StartingDose.seedDocument)
        let resume = ModelParameters.defaults.resumeDose
        var found = false
        for person in 0..<400 {
            let weeks = try Self.trace(policy, person: person).weeks
            guard let referral = weeks.indices.first(where: {
                weeks[$0].observation.referral && $0 + 2 <= Self.weeks && !weeks[$0 + 1].observation.referral
                    && weeks[$0 + 2].observation.inProgramme
            }) else { continue }
            found = true
            let rest = weeks[referral + 1].observation, resumed = weeks[referral + 2].observation
            #expect(rest.requested == StartingDose.seedDocument)
            #expect(rest.delivered.sessionsPerWeek == 0 && rest.sessions.isEmpty)
            #expect(resumed.requested == StartingDose.seedDocument)
            #expect(resumed.delivered.aerobic.minutes == StartingDose.seedDocument.aerobic.minutes * resume)
            #expect(resumed.delivered.strength.load == StartingDose.seedDocument.strength.load * resume)
            break
        }
        #expect(found, "no referral followed by two weeks in the programme among 400 persons")
    }

    @Test func aPolicyReadingRequestedKeepsItsProgrammeAfterARestWeek() throws {
        for person in 0..<400 {
            let requested = try Self.trace(FromObservationPolicy(readsRequested: true), person: person).weeks
            guard let referral = requested.indices.first(where: { requested[$0].observation.referral }),
                  referral + 2 <= Self.weeks, requested[referral + 2].observation.inProgramme else { continue }
            #expect(requested[referral + 2].observation.requested == StartingDose.seedDocument)
            let delivered = try Self.trace(FromObservationPolicy(readsRequested: false), person: person).weeks
            // The rest week's delivered dose has no sessions; a policy that
            // copies it asks for nothing ever after.
            #expect(delivered.last?.decision.prescription.sessionsPerWeek == 0)
            return
        }
        Issue.record("no referral among 400 persons")
    }
}
