import BackSimCalibration
import BackSimScenario
import Testing

/// Target files are YAML too: the scenario files' limits hold for them,
/// before anything is composed.
@Suite struct TargetFileLimitTests {
    @Test func nestedAliasesAreRefusedBeforeExpansion() {
        let levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
            + (1..<10).map { i in "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]" }
        #expect(throws: ScenarioError([Diagnostic(
            file: "laughs.yaml", line: 5, column: 45, path: "",
            message: "alias '*a3' expands the document past 100,000 nodes; a scenario has a few hundred")])) {
            try TargetLoader.parse(yaml: levels.joined(separator: "\n") + "\n", file: "laughs.yaml")
        }
    }
}
