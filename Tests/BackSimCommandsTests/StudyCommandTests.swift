import Foundation
import Testing

/// `sweep`, `owsa`, `psa` and `--set` through the command line.
@Suite struct StudyCommandTests {
    static func scenario(_ name: String) -> String { ScenarioCommandTests.scenario(name) }
    static let defaults = ScenarioCommandTests.root.appendingPathComponent("Scenarios/uncertainty/defaults.yaml").path

    @Test func compareRecordsSetValuesInProvenance() throws {
        let outcome = try Backsim.run([
            "compare", Self.scenario("time-poor.yaml"), "--policies", "control,percent:10", "--persons", "40", "--weeks", "3",
            "--format", "json", "--quiet", "--set", "dropout.base=-3.2", "--set", "percent=25",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let scenario = json?["scenario"] as? [String: Any]
        #expect((scenario?["parameters"] as? [String: Double])?["dropout.base"] == -3.2)
        #expect(scenario?["overridden_by_flags"] as? [String] == ["persons", "weeks", "policies", "parameters.dropout.base", "policies.percent"])
        #expect((json?["policies"] as? [String])?.contains("percent:25") == true)
    }

    @Test func badSetAndVaryAreUsageErrors() throws {
        let set = try Backsim.run(["run", Self.scenario("time-poor.yaml"), "--set", "dropout.bsae=1"])
        #expect(set.status == 64)
        #expect(set.standardError.contains("--set: unknown parameter 'dropout.bsae'; did you mean 'dropout.base'?"))
        let vary = try Backsim.run(["sweep", Self.scenario("time-poor.yaml"), "--vary", "percent=30:5:5"])
        #expect(vary.status == 64)
        #expect(vary.standardError.contains("--vary percent: '30:5:5': FROM must not be above TO; write the range ascending"))
    }

    @Test func calibrateHoldsSetValuesButNotFittedOnes() throws {
        let targets = ScenarioCommandTests.root.appendingPathComponent("Scenarios/evidence/hayden-2021.yaml").path
        let both = try Backsim.run([
            "calibrate", targets, "--parameters", "capacity.pain_benefit=0:2", "--set", "capacity.pain_benefit=0.5", "--persons", "50",
        ])
        #expect(both.status == 64)
        #expect(both.standardError.contains("--set: 'capacity.pain_benefit' is also fitted (--parameters); hold it or fit it, not both"))
    }

    @Test func sweepWritesTheLongCSV() throws {
        let outcome = try Backsim.run([
            "sweep", Self.scenario("time-poor.yaml"), "--vary", "percent=10:20:10", "--persons", "40", "--weeks", "3",
            "--format", "csv", "--quiet", "--threads", "2",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "parameter,parameter_value,policy,reference,week,metric,stat,value")
        #expect(lines.contains { $0.hasPrefix("percent,20,percent:20,control,3,pain,diff,") })
    }

    @Test func badUncertaintyFileIsADataErrorAndWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path + "/u.yaml"
        try "uncertainty:\n  parameters:\n    flare.base: {distribution: beta, a: 0, b: 2}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Backsim.run([
            "owsa", Self.scenario("time-poor.yaml"), "--policy", "guideline", "--uncertainty", file, "-o", scratch.path + "/t.csv",
        ])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("u.yaml:3:41: error: uncertainty.parameters.flare.base.a: expected a number above 0, found 0"))
        #expect(try scratch.contents() == ["u.yaml"])
    }

    @Test func drawsFromACSVFileWithLocatedErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = scratch.path + "/draws.csv", bad = scratch.path + "/bad.csv"
        try "draw,dropout.base,flare.base\n0,-3.9,0.01\n1,-3.5,0.02\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "dropout.base,flare.base\n-3.9,2\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let outcome = try Backsim.run([
            "psa", Self.scenario("time-poor.yaml"), "--draws-from", good, "--persons", "40", "--weeks", "3", "--quiet",
            "--format", "json", "--per-draw", scratch.path + "/per-draw.csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(json?["draws"] as? Int == 2)
        let perDraw = try scratch.read("per-draw.csv").split(separator: "\n")
        #expect(perDraw.first == "draw,dropout.base,flare.base,policy,outcome,week,value,mc_se")
        #expect(perDraw[1].hasPrefix("0,-3.9,0.01,"))
        let failed = try Backsim.run(["psa", Self.scenario("time-poor.yaml"), "--draws-from", bad])
        #expect(failed.status == 65)
        #expect(failed.standardError == "\(bad):2:6: flare.base: must be from 0 to 1 (probability per session), found 2\n")
    }

    @Test func psaWithoutUncertaintySaysWhatToGive() throws {
        let outcome = try Backsim.run(["psa", Self.scenario("time-poor.yaml")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("the scenario has no 'uncertainty:' block; give one with --uncertainty FILE"))
    }
}
