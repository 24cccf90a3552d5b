import ArgumentParser
import BackSimScenario

/// `backsim schema`: the JSON Schema of scenario files, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: "Point your editor's YAML support at it to complete and check scenario files.")

    func run() throws {
        try StandardStream.output.write(all: ScenarioSchema.text)
    }
}
