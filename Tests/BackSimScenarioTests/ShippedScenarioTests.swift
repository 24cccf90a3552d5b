import BackSimCore
import BackSimScenario
import Foundation
import Testing

/// Every scenario in Scenarios/ validates, and the built-in cohorts are the
/// core's cohorts.
@Suite struct ShippedScenarioTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var files: [String] {
        let scenarios = root.appendingPathComponent("Scenarios")
        let enumerator = FileManager.default.enumerator(atPath: scenarios.path)!
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }
            // Evidence target files (Scenarios/evidence/*.yaml) are not scenarios and have their own
            // tests (BackSimCalibrationTests); the scenarios they run (evidence/scenarios/) are.
            .filter { !$0.hasPrefix("evidence/") || $0.hasPrefix("evidence/scenarios/") }
            // Uncertainty files (Scenarios/uncertainty/) are not scenarios (BackSimStudiesTests).
            .filter { !$0.hasPrefix("uncertainty/") }
            .sorted().map { "Scenarios/" + $0 }
    }

    @Test func thereAreAtLeastEightLibraryScenariosAndFiveCohorts() {
        #expect(Self.files.filter { !$0.contains("/cohorts/") && !$0.contains("/evidence/") }.count >= 8)
        #expect(Self.files.contains("Scenarios/evidence/scenarios/supervised-programme.yaml"))
        #expect(Self.files.filter { $0.contains("/cohorts/") }.count == 5)
    }

    @Test(arguments: files)
    func validates(_ file: String) throws {
        let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent(file).path)
        #expect(!scenario.summary.isEmpty)
        #expect(!scenario.sources.isEmpty, "say where the numbers come from")
        #expect(scenario.policies.count >= 2)
    }

    @Test(arguments: BuiltInScenarios.names)
    func embeddedCohortIsTheFileAndTheCoresCohort(_ name: String) throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/cohorts/\(name).yaml"), encoding: .utf8)
        #expect(BuiltInScenarios.yaml(named: name)! + "\n" == file, "run scripts/embed-scenarios")
        let scenario = try #require(BuiltInScenarios.scenario(named: name))
        #expect(scenario.cohort.profiles == BuiltInCohorts.named(name)!.profiles)
        #expect(scenario.policyLabels == PolicyCatalogue.defaultLabels)
        #expect(scenario.persons == 2_000 && scenario.weeks == 26 && scenario.seed == 1 && scenario.replications == 1)
    }
}
