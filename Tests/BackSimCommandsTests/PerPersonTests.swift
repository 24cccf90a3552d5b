import BackSimCore
import BackSimReports
import Foundation
import Testing

/// `--per-person` rows are complete, ordered, identical for any thread count,
/// and equal to `trace` for a traced person.
@Suite struct PerPersonTests {
    @Test func rowsAreOrderedAndThreadIndependent() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var files: [String] = []
        for threads in ["1", "2"] {
            let path = scratch.path + "/people-\(threads).csv"
            let outcome = try Backsim.run([
                "compare", "--cohort", "mixed", "--policies", "control,guideline", "--persons", "150", "--weeks", "3",
                "--threads", threads, "--per-person", path, "--format", "csv", "--output", scratch.path + "/out-\(threads).csv",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            files.append(try scratch.read("people-\(threads).csv"))
        }
        #expect(files[0] == files[1])
        let lines = files[0].split(separator: "\n")
        #expect(lines[0] == "replication,person,profile,policy,week,pain,disability,sessions_prescribed,sessions_done,load,in_programme,flare_up,"
            + "tool_version,model_version,random_stream_version")
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",\(ToolInfo.version),\(ModelVersion.current),\(RandomStreamVersion.current)") })
        #expect(lines.count == 1 + 150 * 2 * 4)
        #expect(lines[1].hasPrefix("0,0,"))
        #expect(lines[1].contains(",control,0,"))
        #expect(lines.last!.hasPrefix("0,149,"))
    }

    @Test func traceShowsEveryWeekOfThePerson() throws {
        let trace = try Backsim.run(["trace", "--cohort", "chronic", "--policy", "guideline", "--person", "7", "--weeks", "6"])
        #expect(trace.status == 0, "\(trace.standardError)")
        let lines = trace.standardOutput.split(separator: "\n")
        #expect(lines[0] == "BackSim trace: person 7, replication 0, seed 1, policy guideline")
        let weeks = lines.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(weeks == Array(0...6))
    }

    @Test func aFailedRunLeavesNoPerPersonFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run([
            "compare", "--cohort", "chronic", "--persons", "10", "--weeks", "2", "--per-person", scratch.path + "/people.csv",
            "--output", scratch.path + "/missing-dir/out.csv",
        ])
        #expect(outcome.status == 74)
        #expect(try scratch.contents().isEmpty)
    }
}
