import BackSimCore
import BackSimScenario
import Testing

/// Built-in policies that can be written as rule tables give identical
/// results, person by person, when written that way.
@Suite struct RuleTableEquivalenceTests {
    static let cases: [(builtIn: String, rules: String)] = [
        ("fixed", """
              - then: hold
        """),
        ("percent:10", """
              - then: increase dose 10%
        """),
        ("percent:30", """
              - then: increase dose 30%
        """),
        ("pain-contingent:4", """
              - if: pain > 4 or pain_during > 4 or pain_after > 4
                then: reduce dose 10%
              - if: sessions_done == 0
                then: hold
              - then: increase dose 10%
        """),
        ("pain-monitoring:5", """
              - if: pain_during > 5 or pain_after > 5 or morning_rise > 0
                then: reduce dose 20%
              - if: sessions_done == 0
                then: hold
              - if: pain > last_pain
                then: hold
              - then: increase dose 10%
        """),
        ("double-progression:5", """
              - if: strength_sessions == 0
                then: hold
              - if: sets_completed < target_sets or lowest_reps < target_reps
                then: hold
              - if: target_reps >= 12
                then: increase load 5%, set reps 8
              - then: add reps 1
        """),
    ]

    static func scenario(_ builtIn: String, _ rules: String) throws -> Scenario {
        let start = builtIn.hasPrefix("double-progression") ? "\n    start: {sets: 2, reps: 8}" : ""
        return try ScenarioLoader.parse(yaml: """
            name: equivalence
            description: a built-in policy and its rule table
            seed: 77
            weeks: 20
            cohort:
              size: 400
              profiles:
                - name: mixed-chronic
                  condition: {distribution: categorical, weights: {acute: 1, chronic: 1, post-surgical: 1}}
                  baseline_pain: {distribution: normal, mean: 5.5, sd: 2}
                  clearance_week: 8
            policies:
              - \(builtIn)
              - name: as-rules\(start)
                rules:
            \(rules)
            """, file: "equivalence.yaml")
    }

    @Test(arguments: cases.map(\.builtIn))
    func ruleTableMatchesBuiltIn(_ builtIn: String) throws {
        let rules = Self.cases.first { $0.builtIn == builtIn }!.rules
        let result = try Simulator.run(Self.scenario(builtIn, rules).plan(threads: 2))
        for (a, b) in zip(result.policies[0].series, result.policies[1].series) {
            #expect(a.weeks.map(\.counts) == b.weeks.map(\.counts), "\(a.metric.name)")
        }
        // Not vacuous: the policy does something.
        let load = result.policies[0].series(.load)!.weeks[20]
        #expect((load.mean ?? 0) > 0)
    }

    @Test func ruleTableDecisionsEqualBuiltInDecisionsPersonByPerson() throws {
        let (builtIn, rules) = Self.cases[4]
        let plan = try Self.scenario(builtIn, rules).plan(threads: 1)
        for person in 0..<50 {
            let a = try Simulator.trace(plan, policyIndex: 0, person: person)
            let b = try Simulator.trace(plan, policyIndex: 1, person: person)
            let same = a.weeks.map(\.decision.prescription) == b.weeks.map(\.decision.prescription)
            #expect(same, "person \(person)")
        }
    }
}
