import BackSimCore
import BackSimTestSupport
import Testing

/// A person meets the same luck under every policy (docs/randomness.md).
@Suite struct CommonRandomNumberTests {
    static let policies = PolicyCatalogue.defaultLabels + ["percent:30"]

    static func plan(parameters: ModelParameters = .defaults, cohort: Cohort = BuiltInCohorts.mixed) throws -> SimulationPlan {
        SimulationPlan(
            cohort: cohort, policies: try policies.map { try PolicyCatalogue.policy($0) },
            persons: 40, weeks: 16, seed: 99, parameters: parameters)
    }

    @Test func traitsAndBaselineAreIdenticalUnderEveryPolicy() throws {
        let plan = try Self.plan()
        for person in 0..<40 {
            let traces = try plan.policies.indices.map { try Simulator.trace(plan, policyIndex: $0, person: person) }
            for trace in traces.dropFirst() {
                #expect(trace.traits == traces[0].traits)
                #expect(trace.weeks[0].outcome.painReport == traces[0].weeks[0].outcome.painReport)
                #expect(trace.weeks[0].outcome.disability == traces[0].weeks[0].outcome.disability)
            }
        }
    }

    @Test func personsDifferFromEachOther() throws {
        let plan = try Self.plan()
        let traits = try (0..<40).map { try Simulator.trace(plan, policyIndex: 0, person: $0).traits }
        #expect(Set(traits.map(\.baselinePain)).count == 40)
    }

    /// A programme that is never done changes nothing: with zero adherence
    /// every policy reproduces the control trajectory exactly, person by person.
    @Test func aProgrammeNeverDoneChangesNothing() throws {
        var parameters = ModelParameters.defaults
        parameters.sessionDoneAdherent = 0
        parameters.sessionDoneLapsed = 0
        let plan = try Self.plan(parameters: parameters)
        for person in 0..<40 {
            let control = try Simulator.trace(plan, policyIndex: 0, person: person)
            for index in plan.policies.indices.dropFirst() {
                let other = try Simulator.trace(plan, policyIndex: index, person: person)
                #expect(other.weeks.map(\.outcome.painReport) == control.weeks.map(\.outcome.painReport))
                #expect(other.weeks.map(\.outcome.disability) == control.weeks.map(\.outcome.disability))
                #expect(other.weeks.allSatisfy { $0.outcome.sessionsDone == 0 && $0.outcome.flareUps == 0 })
            }
        }
    }

    /// Pain before the first session (baseline) and in weeks where nothing
    /// has been done yet is the same under every policy.
    @Test func theFirstSessionIsWhereTrajectoriesCanFirstDiffer() throws {
        let plan = try Self.plan()
        for person in 0..<40 {
            let control = try Simulator.trace(plan, policyIndex: 0, person: person)
            for index in plan.policies.indices.dropFirst() {
                let other = try Simulator.trace(plan, policyIndex: index, person: person)
                for week in 1...16 {
                    if other.weeks[1...week].allSatisfy({ $0.outcome.sessionsDone == 0 }) {
                        #expect(other.weeks[week].outcome.painReport == control.weeks[week].outcome.painReport)
                    }
                }
            }
        }
    }
}
