import Foundation
import Testing

/// Scenarios from standard input (`-`), `/dev/stdin` and process
/// substitution; files that cannot be read are I/O errors (74), not bad
/// scenarios (65).
@Suite struct StandardInputTests {
    static let timePoor = ScenarioCommandTests.scenario("time-poor.yaml")
    static var timePoorText: String { try! String(contentsOfFile: timePoor, encoding: .utf8) }
    static let small = ["--persons", "30", "--weeks", "2", "--format", "csv", "--quiet"]

    @Test func aDashReadsTheScenarioFromStandardInput() throws {
        let piped = try Backsim.run(["compare", "-"] + Self.small, standardInput: Self.timePoorText)
        let named = try Backsim.run(["compare", Self.timePoor] + Self.small)
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput == named.standardOutput)
        #expect(piped.standardOutput.contains("two-a-week,2,pain,n,30"))
    }

    @Test func validateNamesStandardInputInMessages() throws {
        let good = try Backsim.run(["validate", "-"], standardInput: Self.timePoorText)
        #expect(good.status == 0)
        #expect(good.standardOutput.hasPrefix("<stdin>: ok: time-poor, 4000 persons, 16 weeks"))
        let bad = try Backsim.run(["validate", "-"], standardInput: Self.timePoorText.replacingOccurrences(of: "weeks: 16", with: "weeks: -1"))
        #expect(bad.status == 65)
        #expect(bad.standardError.hasPrefix("<stdin>:11:8: error: weeks: expected a horizon from 1 to 520 weeks, found -1\n"))
    }

    @Test func standardInputCanBeGivenOnce() throws {
        let outcome = try Backsim.run(["validate", "-", Self.timePoor, "-"], standardInput: Self.timePoorText)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("Error: '-' (standard input) can be given once; it is read to its end the first time\n"))
    }

    @Test func devStdinAndProcessSubstitutionAreReadLikeFiles() throws {
        let path = Self.timePoor
        let pipe = try Backsim.shell("cat '\(path)' | \"$BACKSIM\" validate /dev/stdin")
        #expect(pipe.status == 0, "\(pipe.standardError)")
        #expect(pipe.standardOutput.hasPrefix("/dev/stdin: ok: time-poor"))
        let substituted = try Backsim.shell("\"$BACKSIM\" compare <(cat '\(path)') --persons 30 --weeks 2 --format csv --quiet")
        #expect(substituted.status == 0, "\(substituted.standardError)")
        #expect(substituted.standardOutput.contains("two-a-week,2,pain,n,30"))
    }

    @Test func anEndlessStreamIsRefusedAtTheSizeLimit() throws {
        let outcome = try Backsim.shell("\"$BACKSIM\" validate - < /dev/zero")
        #expect(outcome.status == 65)
        #expect(outcome.standardError.hasPrefix("<stdin>:1:1: error: file is more than 1,048,576 bytes, the most a scenario file may be\n"))
    }

    @Test(arguments: ["compare", "run", "trace"])
    func aMissingScenarioIsAnIOError(command: String) throws {
        let extra = command == "trace" ? ["--policy", "fixed", "--person", "0"] : []
        let outcome = try Backsim.run([command, "/nonexistent/scenario.yaml"] + extra)
        #expect(outcome.status == 74)
        #expect(outcome.standardError == "Error: cannot read '/nonexistent/scenario.yaml': No such file or directory\n")
    }

    @Test(arguments: [["evidence"], ["calibrate", "--parameters", "pain.daily_sd"]])
    func aMissingTargetFileIsAnIOError(command: [String]) throws {
        let outcome = try Backsim.run(command + ["/nonexistent/targets.yaml"])
        #expect(outcome.status == 74)
        #expect(outcome.standardError == "Error: cannot read '/nonexistent/targets.yaml': No such file or directory\n")
    }

    @Test func aDirectoryIsAnIOError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run(["compare", scratch.path])
        #expect(outcome.status == 74)
        #expect(outcome.standardError == "Error: cannot read '\(scratch.path)': Is a directory\n")
    }

    @Test func validateReportsUnreadableAndBadFilesTogetherAndExits74() throws {
        let broken = ScenarioCommandTests.broken
        let outcome = try Backsim.run(["validate", "/nonexistent.yaml", broken])
        #expect(outcome.status == 74)
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("\(broken):4:8: error: weeks:"))
        #expect(lines[3] == "/nonexistent.yaml: error: cannot read: No such file or directory")
        #expect(lines[4] == "4 problems found; nothing was run or written.")
    }
}
