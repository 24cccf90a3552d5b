import ArgumentParser
import BackSimScenario

/// `backsim validate`: check scenario files without running them.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files without running them.",
        discussion: "Prints every problem as FILE:LINE:COLUMN: error: FIELD: what was expected, what was found. Exits 65 if any file has a problem.")

    @Argument(help: ArgumentHelp("Scenario files (YAML); - reads standard input (once).", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file, e.g. 'backsim validate Scenarios/*.yaml'") }
        if files.filter({ $0 == ScenarioInput.standardInput }).count > 1 {
            throw ValidationError("'-' (standard input) can be given once; it is read to its end the first time")
        }
    }

    func run() throws {
        var failures: [ScenarioError] = []
        var unreadable: [ScenarioReadError] = []
        for file in files {
            let scenario: Scenario
            do {
                let data = try ScenarioInput.read(file)
                scenario = try ScenarioLoader.parse(data: data, file: ScenarioInput.displayName(file))
            } catch let error as ScenarioReadError {
                unreadable.append(error)
                continue
            } catch let error as ScenarioError {
                failures.append(error)
                continue
            }
            let replications = scenario.replications == 1 ? "" : " × \(scenario.replications) replications"
            try StandardStream.output.write(all:
                "\(ScenarioInput.displayName(file)): ok: \(scenario.name), \(scenario.persons) persons\(replications), \(scenario.weeks) weeks, "
                + "policies \(scenario.policyLabels.joined(separator: ", "))\n")
        }
        guard failures.isEmpty && unreadable.isEmpty else {
            throw ValidateFailure(problems: ScenarioError(failures.flatMap(\.diagnostics)).diagnostics, unreadable: unreadable)
        }
    }
}
