import BackSimCore
import Testing

@testable import BackSimReports

/// The trace shows every observation behind a decision.
@Suite struct TraceRendererTests {
    /// Whenever pain-monitoring reduces with pain within its limit, the
    /// reason is a morning rise, and the trace must show it (+1 or more, with
    /// the session's before and next-morning ratings).
    @Test func painMonitoringShowsTheMorningRiseBehindAReduction() throws {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [try PolicyCatalogue.policy("pain-monitoring:5")], persons: 40, weeks: 12,
            seed: 3, threads: 1)
        var seen = 0
        for person in 0..<40 {
            let trace = try Simulator.trace(plan, policyIndex: 0, person: person)
            let reading = PolicyReading(policy: trace.policy, ruleTexts: [])
            for week in 1...12 where trace.weeks[week].decision.reason.description.hasPrefix("pain over the limit") {
                let text = reading.text(trace, week: week)
                let s = PolicyReading.SessionValues(trace.weeks[week].observation)
                if s.during <= 5 && s.after <= 5 {
                    #expect(text.contains("morning rise +"), "\(text)")
                    #expect(text.contains("→ morning"), "\(text)")
                    seen += 1
                }
            }
            let rendered = TraceRenderer.render(trace, profile: "chronic")
            #expect(rendered.contains("Read by the policy"))
        }
        #expect(seen > 0, "no reduction by a morning rise in 40 persons × 12 weeks")
    }

    @Test func ruleTablesShowTheObservationsTheirRulesName() throws {
        let texts = ["pain_after >= pain_before + 2", "sessions_done == 2"]
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [FixedPolicy(label: "two-a-week")], persons: 2, weeks: 2, seed: 1, threads: 1)
        let trace = try Simulator.trace(plan, policyIndex: 0, person: 0)
        let text = PolicyReading(policy: "two-a-week", ruleTexts: texts).text(trace, week: 1)
        #expect(text.hasPrefix("pain_before "))
        #expect(text.contains("pain_after ") && text.contains("sessions_done "))
        #expect(!text.contains("effort"))
    }
}
