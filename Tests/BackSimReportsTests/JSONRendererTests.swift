import BackSimCore
import Foundation
import Testing

@testable import BackSimReports

@Suite struct JSONRendererTests {
    @Test func identicalForAnyThreadCount() throws {
        let one = try JSONRenderer.render(try Fixtures.smallRun(threads: 1), timing: Fixtures.timing)
        let two = try JSONRenderer.render(try Fixtures.smallRun(threads: 2), timing: Fixtures.timing)
        #expect(one == two)
    }

    @Test func metadataTimingAndNulls() throws {
        let text = try JSONRenderer.render(try Fixtures.smallRun(threads: 2), timing: Fixtures.timing)
        #expect(text.hasSuffix("}\n"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(document.keys) == [
            "cohort", "persons", "weeks", "replications", "seed", "policies", "results", "timing", "tool",
            "comparisons", "survival", "warnings", "grouping", "groups",
        ])
        #expect(document["cohort"] as? String == "mixed")
        #expect(document["persons"] as? Int == 200)
        #expect(document["weeks"] as? Int == 4)
        #expect(document["replications"] as? Int == 1)
        #expect(document["seed"] as? Int == 7)
        #expect(document["policies"] as? [String] == Fixtures.policies)
        let tool = try #require(document["tool"] as? [String: Any])
        #expect(Set(tool.keys) == ["name", "version", "model_version", "random_stream_version"])
        #expect(tool["name"] as? String == "backsim")
        #expect(tool["version"] as? String == ToolInfo.version)
        #expect(tool["model_version"] as? Int == ModelVersion.current)
        #expect(tool["random_stream_version"] as? Int == RandomStreamVersion.current)

        let timing = try #require(document["timing"] as? [String: Any])
        #expect(Set(timing.keys) == ["wall_seconds", "person_weeks", "person_weeks_per_second", "threads"])
        #expect(timing["wall_seconds"] as? Double == 0.5)
        #expect(timing["person_weeks"] as? Int == 1_600)
        #expect(timing["person_weeks_per_second"] as? Double == 3_200)
        #expect(timing["threads"] as? Int == 1)

        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.map { $0["policy"] as? String } == Fixtures.policies)
        let metrics = try #require(results[0]["metrics"] as? [String: [String: Any]])
        #expect(Set(metrics.keys) == Set(Metric.all.map(\.name)))
        let adherence = try #require(metrics["adherence"]?["weeks"] as? [[String: Any]])
        #expect(adherence.count == 5)
        #expect(adherence[0]["n"] as? Int == 0)
        #expect(adherence[0]["mean"] is NSNull, "undefined is null, not absent")
        #expect(Set(adherence[0].keys) == Set(["week"] + Summary.stats.map(\.name)))
    }

    @Test func numbersMatchTheCSV() throws {
        let result = try Fixtures.smallRun(threads: 2)
        let json = try JSONRenderer.render(result, timing: Fixtures.timing)
        let csv = CSVRenderer.render(result)
        // Pain's baseline sd for control, as CSV and as JSON text.
        let sd = try #require(csv.split(separator: "\n").first { $0.hasPrefix("control,0,pain,sd,") }).split(separator: ",")[4]
        #expect(json.contains("\"sd\" : \(sd),"))
    }

    @Test func throughputIsNullWithoutElapsedTime() throws {
        let timing = RunTiming(wallSeconds: 0, personWeeks: 10, threads: 1)
        #expect(timing.personWeeksPerSecond == nil)
        let text = try JSONRenderer.render(try Fixtures.smallRun(threads: 1), timing: timing)
        #expect(text.contains("\"person_weeks_per_second\" : null"))
    }

    @Test func timingFromDuration() {
        let timing = RunTiming(duration: .milliseconds(1_500), personWeeks: 3, threads: 4)
        #expect(timing.wallSeconds == 1.5)
        #expect(timing.personWeeksPerSecond == 2)
    }
}
