import Foundation
import Testing

/// Outputs through the command line: figures never depend on the thread count.
@Suite struct OutputTests {
    static let small = ["--cohort", "mixed", "--persons", "200", "--weeks", "4", "--seed", "7"]

    @Test func csvIsByteIdenticalForOneAndTwoThreads() throws {
        let one = try InProcess.output(["compare", "--format", "csv", "--threads", "1"] + Self.small)
        let two = try InProcess.output(["compare", "--format", "csv", "--threads", "2"] + Self.small)
        #expect(one == two)
        #expect(one.hasPrefix("policy,week,metric,stat,value\ncontrol,0,pain,mean,"))
    }

    @Test func jsonIsIdenticalExceptTiming() throws {
        let one = try InProcess.output(["compare", "--format", "json", "--threads", "1"] + Self.small)
        let two = try InProcess.output(["compare", "--format", "json", "--threads", "2"] + Self.small)
        #expect(try withoutTiming(one) == withoutTiming(two))
        #expect(one.contains("\"threads\" : 1"))
        #expect(two.contains("\"threads\" : 2"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
        let timing = try #require(document["timing"] as? [String: Any])
        #expect(timing["person_weeks"] as? Int == 200 * 4 * (document["policies"] as? [Any] ?? []).count)
        #expect((timing["wall_seconds"] as? Double ?? -1) >= 0)
    }

    @Test func tableShowsEveryPolicyAndTheReportedWeeks() throws {
        let text = try InProcess.output(["compare", "--policies", "control,percent:20,fixed", "--threads", "2"] + Self.small)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "BackSim: cohort mixed, 200 persons × 1 replication, 4 weeks, seed 7")
        for policy in ["control", "percent:20", "fixed"] { #expect(lines.contains(policy)) }
        #expect(lines.filter { $0.hasPrefix("     0  ") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("     4  ") }.count == 3)
    }

    @Test func runSimulatesOnePolicy() throws {
        let csv = try InProcess.output(["run", "--policy", "percent:20", "--format", "csv", "--threads", "1"] + Self.small)
        let policies = Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(policies == ["percent:20"])
    }

    @Test func policiesListsTheCatalogue() throws {
        let outcome = try Backsim.run(["policies"])
        #expect(outcome.status == 0)
        for name in ["control", "percent[:value]"] {
            #expect(outcome.standardOutput.split(separator: "\n").contains { $0 == name })
        }
        #expect(outcome.standardOutput.contains("Parameter: weekly increase, % (default 10)\n  Allowed values: any number from 1 to 100"))
        // Every parameter's allowed values, e.g. acwr-band's definitions with their meaning.
        #expect(outcome.standardOutput.contains("  Allowed values:\n    ewma: daily exponentially weighted averages"))
        #expect(outcome.standardOutput.contains("    coupled: this week's load ÷ the rolling mean of the 4 weeks including it (Gabbett 2016)"))
        #expect(outcome.standardOutput.contains("  Allowed values: whole numbers from 0 to 10"))
    }

    /// The document with its `timing` object (one level, no nested braces) removed.
    private func withoutTiming(_ json: String) throws -> String {
        let start = try #require(json.range(of: "\"timing\" : {"))
        let end = try #require(json[start.upperBound...].firstIndex(of: "}"))
        return String(json[..<start.lowerBound] + json[json.index(after: end)...])
    }
}
