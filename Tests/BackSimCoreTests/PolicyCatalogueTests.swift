@testable import BackSimCore
@testable import BackSimPolicies
import Testing

@Suite struct PolicyCatalogueTests {
    @Test func everyDefaultLabelResolvesToAPolicyWithThatLabel() throws {
        for label in PolicyCatalogue.defaultLabels {
            #expect(try PolicyCatalogue.policy(label).label == label)
        }
        #expect(PolicyCatalogue.defaultLabels == [
            "control", "fixed", "percent:10", "graded-activity:8", "pain-contingent:4", "pain-monitoring:5",
            "double-progression:5", "acwr-band:ewma", "fitness-fatigue:30", "rpe:6.5", "guideline",
        ])
    }

    @Test func errorsNameThePolicyAndTheFix() {
        #expect(throws: PolicyLookupError.unknownPolicy("percnt:10", known: PolicyCatalogue.names)) {
            try PolicyCatalogue.policy("percnt:10")
        }
        #expect(throws: PolicyLookupError.unexpectedValue("guideline:3", policy: "guideline")) {
            try PolicyCatalogue.policy("guideline:3")
        }
        #expect(throws: PolicyLookupError.badValue("double-progression:20", parameter: "load increase, %", range: 2...10)) {
            try PolicyCatalogue.policy("double-progression:20")
        }
        #expect(throws: PolicyLookupError.badValue("pain-contingent:3.5", parameter: "pain threshold, NRS", range: 0...10)) {
            try PolicyCatalogue.policy("pain-contingent:3.5")
        }
        #expect(throws: PolicyLookupError.badChoice("acwr-band:weekly", parameter: "acute:chronic ratio definition",
                                                     choices: ["ewma", "uncoupled", "coupled"])) {
            try PolicyCatalogue.policy("acwr-band:weekly")
        }
        let message = PolicyLookupError.badValue("double-progression:20", parameter: "load increase, %", range: 2...10).description
        #expect(message == "'double-progression:20': load increase, % must be a number from 2 to 10")
    }
}

@Suite struct RuleObservationIndexTests {
    @Test func indicesFollowDeclarationOrder() {
        #expect(RuleObservation.allCases.map(\.index) == Array(0..<RuleObservation.allCases.count))
    }
}
