import ArgumentParser
import BackSimScenario

/// `backsim validate`: check scenario files without running them.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files without running them.",
        discussion: "Prints every problem as FILE:LINE:COLUMN: error: FIELD: what was expected, what was found. Exits 65 if any file has a problem.")

    @Argument(help: ArgumentHelp("Scenario files (YAML).", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file, e.g. 'backsim validate Scenarios/*.yaml'") }
    }

    func run() throws {
        var failures: [ScenarioError] = []
        for file in files {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch {
                failures.append(error)
                continue
            }
            let replications = scenario.replications == 1 ? "" : " × \(scenario.replications) replications"
            try StandardStream.output.write(all:
                "\(file): ok: \(scenario.name), \(scenario.persons) persons\(replications), \(scenario.weeks) weeks, "
                + "policies \(scenario.policyLabels.joined(separator: ", "))\n")
        }
        guard failures.isEmpty else {
            throw ScenarioFailure(ScenarioError(failures.flatMap(\.diagnostics)))
        }
    }
}
