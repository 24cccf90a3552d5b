import BackSimCore

/// The built-in cohorts as scenarios: the files in `Scenarios/cohorts/`,
/// embedded so that `backsim compare` works anywhere (`--cohort NAME`).
public enum BuiltInScenarios {
    public static var names: [String] { EmbeddedCohortFiles.files.map(\.name) }
    public static let defaultName = "mixed"

    /// The embedded text of `Scenarios/cohorts/NAME.yaml`.
    public static func yaml(named name: String) -> String? {
        EmbeddedCohortFiles.files.first { $0.name == name }?.yaml
    }

    /// The validated scenario of a built-in cohort. The embedded files are
    /// checked by the test suite, so a failure here is a programming error.
    public static func scenario(named name: String) -> Scenario? {
        guard let text = yaml(named: name) else { return nil }
        do {
            return try ScenarioLoader.parse(yaml: text + "\n", file: "Scenarios/cohorts/\(name).yaml", origin: "built-in:\(name)")
        } catch {
            preconditionFailure("built-in scenario \(name) is invalid: \(error)")
        }
    }
}
