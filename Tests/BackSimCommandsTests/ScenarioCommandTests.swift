import Foundation
import Testing

/// Scenario files through the command line: run, compare, validate, schema,
/// and what happens when something is wrong.
@Suite struct ScenarioCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name)").path }
    static let broken = root.appendingPathComponent("Tests/BackSimScenarioTests/Corpus/31-several-problems.yaml").path

    @Test func compareRunsAScenarioFileWithFlagOverrides() throws {
        let outcome = try Backsim.run([
            "compare", Self.scenario("fear-avoidance.yaml"), "--persons", "60", "--weeks", "4", "--format", "csv", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "policy,week,metric,stat,value")
        #expect(lines.contains("graded-exposure,4,pain,n,60"))
        #expect(!lines.contains { $0.contains(",5,pain,") })
    }

    @Test func runPicksARuleTableOfTheScenario() throws {
        let outcome = try Backsim.run([
            "run", Self.scenario("time-poor.yaml"), "--policy", "two-a-week", "--persons", "40", "--weeks", "3",
            "--format", "json", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(json?["policies"] as? [String] == ["two-a-week"])
        let scenario = json?["scenario"] as? [String: Any]
        #expect(scenario?["name"] as? String == "time-poor")
        #expect((scenario?["content_hash"] as? String)?.count == 16)
        #expect(scenario?["overridden_by_flags"] as? [String] == ["persons", "weeks", "policies"])
    }

    @Test func aFileTogetherWithCohortIsAUsageError() throws {
        let outcome = try Backsim.run(["compare", Self.scenario("time-poor.yaml"), "--cohort", "acute"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--cohort: cannot be combined with the scenario file"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func aBadScenarioExits65WithEveryProblemAndWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run(["compare", Self.broken, "--output", scratch.path + "/out.csv", "--format", "csv"])
        #expect(outcome.status == 65)
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "\(Self.broken):4:8: error: weeks: expected a horizon from 1 to 520 weeks, found -1")
        #expect(lines[3] == "3 problems found; nothing was run or written.")
        #expect(try scratch.contents().isEmpty)
    }

    /// Criteria almost nobody meets: a data error (65) that names the field,
    /// and no output file.
    @Test func enrolmentCriteriaNobodyMeetsExit65() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path + "/impossible.yaml"
        try """
            name: impossible
            description: chronic pain enrolled on a recent onset
            weeks: 4
            cohort:
              size: 5
              criteria:
                weeks_since_onset: {max: 10}
              profiles:
                - name: chronic
                  condition: chronic
                  baseline_pain: {distribution: normal, mean: 5.8, sd: 2.3, min: 0.5, max: 10}
                  weeks_since_onset: {distribution: uniform, min: 52, max: 260}
            policies: [control, guideline]
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Backsim.run(["compare", file, "--quiet", "--output", scratch.path + "/out.csv"])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(
            "cohort.criteria: admitted 0 of 5000 candidates screened, short of the cohort's 5 at the limit of 1000 screened per person to enrol; relax the criteria"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out.csv"))
    }

    @Test func validateReportsEachFile() throws {
        let good = try Backsim.run(["validate", Self.scenario("time-poor.yaml"), Self.scenario("returning-athlete.yaml")])
        #expect(good.status == 0)
        #expect(good.standardOutput.split(separator: "\n").count == 2)
        #expect(good.standardOutput.hasPrefix("\(Self.scenario("time-poor.yaml")): ok: time-poor, 4000 persons, 16 weeks"))

        let bad = try Backsim.run(["validate", Self.scenario("time-poor.yaml"), Self.broken])
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("31-several-problems.yaml:6:9: error: cohort.size"))
    }

    @Test func schemaPrintsDraft2020_12() throws {
        let outcome = try Backsim.run(["schema"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""))
        #expect(outcome.standardOutput.contains("scenario.json"))
        let targets = try Backsim.run(["schema", "--targets"])
        #expect(targets.status == 0)
        #expect(targets.standardOutput.contains("evidence-targets.json"))
        #expect(targets.standardOutput.contains("\"time_to_recovery\""))
    }

    @Test func theBuiltInCohortShortcutEqualsItsFile() throws {
        let args = ["--persons", "50", "--weeks", "3", "--format", "csv", "--quiet"]
        let shortcut = try Backsim.run(["compare", "--cohort", "chronic"] + args)
        let file = try Backsim.run(["compare", Self.scenario("cohorts/chronic.yaml")] + args)
        #expect(shortcut.status == 0 && file.status == 0)
        #expect(shortcut.standardOutput == file.standardOutput)
    }
}
