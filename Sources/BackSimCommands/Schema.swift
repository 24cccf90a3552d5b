import ArgumentParser
import BackSimCalibration
import BackSimScenario

/// `backsim schema`: the JSON Schema of scenario files (or of evidence
/// target files), for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: "Point your editor's YAML support at it to complete and check scenario files.")

    @Flag(help: "Print the schema of evidence target files (Scenarios/evidence/*.yaml) instead.")
    var targets = false

    func run() throws {
        try StandardStream.output.write(all: targets ? TargetSchema.text : ScenarioSchema.text)
    }
}
