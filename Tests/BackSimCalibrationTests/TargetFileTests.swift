import BackSimCalibration
import BackSimCore
import BackSimScenario
import Foundation
import Testing

/// Target files are checked like scenario files: every problem at once, each
/// with file:line:column, the field's path, what was expected and what was found.
@Suite struct TargetFileTests {
    static let hayden = """
        name: hayden-pain
        cohort: chronic
        policy: guideline
        versus: control
        outcome: pain
        unit: 0-100
        week: 12
        value: -15.2
        interval: [-18.3, -12.2]
        source: "Hayden 2021"
        """

    @Test func aCompleteTargetIsRead() throws {
        let file = try Support.parse(targetFile(Self.hayden, header: "persons: 300\nseed: 9\n"))
        #expect(file.name == "test" && file.persons == 300 && file.seed == 9)
        let target = try #require(file.targets.first)
        #expect(target.name == "hayden-pain")
        #expect(target.cohortName == "chronic" && target.scenario.name == "chronic")
        #expect(target.policy.label == "guideline" && target.versus?.label == "control")
        #expect(target.outcome == .pain && target.unit == .hundred && target.time == .week(12))
        #expect(target.published == PublishedFigure(value: -15.2, low: -18.3, high: -12.2, kind: .interval))
        #expect(target.gating && target.reason == nil)
        #expect(target.location == "t.yaml:6:5", "after the two header lines")
    }

    @Test func defaultsAndARangeWithoutAValue() throws {
        let file = try Support.parse(targetFile("""
            name: home
            cohort: scenarios/home-exercise.yaml
            policy: guideline
            outcome: non_adherence
            weeks: [1, 12]
            range: [0.3, 0.7]
            source: Beinart 2013
            """))
        #expect(file.persons == nil && file.seed == nil)
        let target = try #require(file.targets.first)
        #expect(target.unit == .share)
        #expect(target.time == .meanOfWeeks(1...12))
        #expect(target.published.value == nil && target.published.kind == .range)
        #expect(target.published.centre == 0.5)
        #expect(target.scenario.name == "home-exercise", "a scenario file relative to the target file")
    }

    @Test func aKnownGapNeedsAReason() throws {
        let gap = try Support.parse(targetFile(Self.hayden + "\ngating: false\nreason: not modelled"))
        #expect(gap.targets.first?.gating == false && gap.targets.first?.reason == "not modelled")
        #expect(Support.problems(targetFile(Self.hayden + "\ngating: false")) == [
            "t.yaml:14:5: error: targets[0].reason: missing 'reason': a known gap (gating: false) needs a written reason",
        ])
        #expect(Support.problems(targetFile(Self.hayden + "\nreason: why")) == [
            "t.yaml:14:13: error: targets[0].reason: a reason is for known gaps; add 'gating: false' or remove it",
        ])
    }

    /// One file with a problem in nearly every field: all are reported, in
    /// file order, each where it is.
    @Test func everyProblemIsReportedAtOnceWithItsPlace() {
        let yaml = """
            name: broken
            description: many problems
            persons: 0
            targts: []
            targets:
              - name: a
                cohort: chronc
                policy: guidline
                outcome: pian
                week: 12
                value: 1
                interval: [0, 2]
                source: x
              - name: b
                cohort: chronic
                policy: control
                outcome: adherence
                unit: percent
                week: 0
                range: [30, 20]
                source: x
              - name: c
                cohort: chronic
                policy: guideline
                versus: guideline
                outcome: disability
                unit: share
                week: 12
                weeks: [1, 12]
                value: 9
                interval: [-8, -5]
                source: ""
                gating: maybe
              - name: d
                cohort: missing/nowhere.yaml
                policy: guideline
                outcome: retention
                week: 12
                value: 0.5
                interval: [0.6, 0.9]
                source: x
            """
        #expect(Support.problems(yaml) == [
            "t.yaml:3:10: error: persons: expected a number of persons from 1 to 10000000, found 0",
            "t.yaml:4:1: error: targts: unknown key 'targts'; did you mean 'targets'?",
            "t.yaml:7:13: error: targets[0].cohort: unknown cohort 'chronc'; did you mean 'chronic'? (built-in: acute, persistent, chronic, post-surgical, mixed; or a scenario file's path)",
            "t.yaml:8:13: error: targets[0].policy: unknown policy 'guidline'; did you mean 'guideline'? (known: \(PolicyCatalogue.names.joined(separator: ", ")))",
            "t.yaml:9:14: error: targets[0].outcome: expected one of pain, disability, adherence, non_adherence, retention, dropout, standardised_difference, share_pain_at_most, cumulative_share, monthly_pattern, time_to_recovery, found 'pian'; did you mean 'pain'?",
            "t.yaml:16:13: error: targets[1].policy: 'control' prescribes no exercise, so adherence is undefined; choose a programme",
            "t.yaml:19:11: error: targets[1].week: expected a programme week from 1 to 520 (adherence has no baseline week), found 0",
            "t.yaml:20:12: error: targets[1].range: expected low < high, found [30, 20]",
            "t.yaml:25:13: error: targets[2].versus: expected a policy other than 'guideline'; a difference needs two arms",
            "t.yaml:27:11: error: targets[2].unit: expected a unit of disability: 0-100, found 'share'",
            "t.yaml:28:11: error: targets[2].weeks: give 'week' or 'weeks', not both",
            "t.yaml:32:13: error: targets[2].source: expected the figure's source, found an empty text",
            "t.yaml:33:13: error: targets[2].gating: expected true (must pass) or false (a known gap), found 'maybe'",
            "t.yaml:35:13: error: targets[3].cohort: no scenario file at 'missing/nowhere.yaml' (looked for \(Support.path("Scenarios/evidence/missing/nowhere.yaml")))",
            "t.yaml:39:12: error: targets[3].value: expected the value inside its interval [0.6, 0.9], found 0.5",
        ])
    }

    @Test(arguments: [
        ("week: 12\nvalue: 1\ninterval: [0, 2]\nsource: x", "targets[0].outcome: missing required key 'outcome'"),
        ("outcome: pain\nvalue: 1\ninterval: [0, 2]\nsource: x", "targets[0].week: missing 'week' (at a week) or 'weeks' ([from, to], the mean of those weeks)"),
        ("outcome: pain\nweek: 3\nvalue: 1\nsource: x", "targets[0].interval: missing 'interval' (a 95% CI, [low, high]) or 'range' (a reported range, [low, high])"),
        ("outcome: pain\nweek: 3\ninterval: [0, 2]\nsource: x", "targets[0].value: missing 'value': an interval needs the published point estimate"),
        ("outcome: pain\nweek: 3\nvalue: 1\ninterval: [0, 2]\nrange: [0, 2]\nsource: x", "targets[0].range: give 'interval' or 'range', not both"),
        ("outcome: pain\nweek: 3\nvalue: 11\ninterval: [0, 2]\nsource: x", "targets[0].value: expected a value from 0 to 10 (pain, 0-10), found 11"),
        ("outcome: pain\nweeks: [5, 2]\nvalue: 1\ninterval: [0, 2]\nsource: x", "targets[0].weeks: expected from ≤ to, found [5, 2]"),
        ("outcome: pain\nweeks: [5]\nvalue: 1\ninterval: [0, 2]\nsource: x", "targets[0].weeks: expected [from, to], two weeks, found 1 values"),
        ("outcome: pain\nunit: 100\nweek: 3\nvalue: 1\ninterval: [0, 2]\nsource: x", "targets[0].unit: expected a unit of pain: 0-10 or 0-100, found '100'"),
        ("outcome: pain\nweek: 3\nvalue: 1\ninterval: [0, two]\nsource: x", "targets[0].interval[1]: expected a value from 0 to 10 (pain, 0-10), found 'two'"),
    ])
    func oneMissingOrWrongField(fields: String, message: String) {
        let problems = Support.problems(targetFile("name: t\ncohort: acute\npolicy: control\n" + fields))
        #expect(problems.count == 1 && problems.first?.hasSuffix(message) == true, "\(problems)")
    }

    @Test func namesAreUniqueWithinAFileAndAcrossFiles() throws {
        let twice = """
            name: test
            description: two targets with one name
            targets:
              - {name: a, cohort: acute, policy: control, outcome: pain, week: 1, value: 4, interval: [3, 5], source: x}
              - {name: a, cohort: acute, policy: control, outcome: pain, week: 2, value: 4, interval: [3, 5], source: x}
            """
        #expect(Support.problems(twice) == [
            "t.yaml:5:5: error: targets[1].name: target name 'a' is already used by targets[0]; names must be unique",
        ])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let one = targetFile("{name: a, cohort: acute, policy: control, outcome: pain, week: 1, value: 4, interval: [3, 5], source: x}")
        for name in ["one.yaml", "two.yaml"] {
            try one.write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let paths = ["one.yaml", "two.yaml"].map { scratch.appendingPathComponent($0).path }
        #expect(throws: ScenarioError.self) { try TargetLoader.load(paths: paths) }
        do { _ = try TargetLoader.load(paths: paths) } catch {
            #expect(error.diagnostics.map(\.message) == ["target name 'a' is also used at \(paths[0]):4:5; names must be unique"])
        }
    }

    @Test func syntaxErrorsAndUnreadableFilesHaveAPlaceToo() throws {
        #expect(Support.problems("name: [unclosed\n").first?.hasPrefix("t.yaml:2:1: error: YAML syntax:") == true)
        #expect(Support.problems("") == ["t.yaml:1:1: error: the file is empty; expected a mapping with targets"])
        #expect(Support.problems("- a list\n") == [
            "t.yaml:1:1: error: expected a mapping with keys name, description, persons, seed, targets, found a list",
        ])
        #expect(throws: ScenarioError([Diagnostic(file: "/no/such.yaml", line: 1, column: 1, path: "", message: "no such file")])) {
            try TargetLoader.load(path: "/no/such.yaml")
        }
    }

    @Test func aBrokenScenarioFileIsReportedWithItsOwnName() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "name: x\ndescription: y\nweeks: 0\n".write(to: scratch.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let targets = targetFile("{name: a, cohort: bad.yaml, policy: control, outcome: pain, week: 1, value: 4, interval: [3, 5], source: x}")
        let path = scratch.appendingPathComponent("targets.yaml").path
        try targets.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try TargetLoader.load(path: path)
            Issue.record("a target on a broken scenario must not load")
        } catch {
            let files = Set(error.diagnostics.map(\.file))
            #expect(files == [path, scratch.appendingPathComponent("bad.yaml").path])
            #expect(error.diagnostics.contains { $0.file == path && $0.message.contains("the scenario file 'bad.yaml' has") })
        }
    }
}
