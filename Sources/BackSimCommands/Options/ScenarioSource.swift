import ArgumentParser
import Foundation
import BackSimScenario

/// Which scenario to run: a file, or a built-in cohort by name.
struct ScenarioSource: ParsableArguments {
    @Argument(help: ArgumentHelp("A scenario file (YAML; see Scenarios/ and 'backsim schema'); - reads standard input.", valueName: "scenario"))
    var file: String?

    @Option(help: ArgumentHelp(
        "A built-in cohort instead of a file: \(BuiltInScenarios.names.joined(separator: ", ")). (default: mixed)",
        valueName: "name"))
    var cohort: String?

    func validate() throws {
        // A value after a mistyped option (`--person 100`) lands here as a
        // file name; leave it to the parser's "unknown option" message,
        // which names what was actually wrong.
        if let file, cohort != nil, !FileManager.default.fileExists(atPath: file) { return }
        try checkCombination()
        if let cohort, BuiltInScenarios.yaml(named: cohort) == nil {
            throw ValidationError("--cohort: unknown cohort '\(cohort)'; choose one of \(BuiltInScenarios.names.joined(separator: ", "))")
        }
    }

    private func checkCombination() throws(ValidationError) {
        if let file, let cohort {
            throw ValidationError("--cohort: cannot be combined with the scenario file '\(file)'; '--cohort \(cohort)' is a shortcut for Scenarios/cohorts/\(cohort).yaml, so give one or the other")
        }
    }

    /// The validated scenario; a file that cannot be read is an I/O error
    /// (exit 74), a bad one a data error (exit 65).
    func resolve() throws -> Scenario {
        try checkCombination()
        if let file {
            let data = try ScenarioInput.read(file)
            do { return try ScenarioLoader.parse(data: data, file: ScenarioInput.displayName(file)) } catch {
                throw ScenarioFailure(error)
            }
        }
        return BuiltInScenarios.scenario(named: cohort ?? BuiltInScenarios.defaultName)!
    }
}
