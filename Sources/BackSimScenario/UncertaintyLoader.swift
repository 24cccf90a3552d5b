import BackSimCore
import Foundation
import Yams

/// Reads an uncertainty file: a YAML mapping with an `uncertainty:` block as
/// in a scenario, and optionally `description` and `sources` (e.g.
/// `Scenarios/uncertainty/defaults.yaml`).
public enum UncertaintyLoader {
    public static func load(path: String) throws(ScenarioError) -> ParameterUncertainty {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, path: "", message: "cannot be read as a UTF-8 file")])
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml text: String, file: String) throws(ScenarioError) -> ParameterUncertainty {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "YAML syntax: \(error)")])
        }
        guard let node else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "the file is empty; expected a mapping with 'uncertainty:'")])
        }
        let reader = NodeReader(file: file)
        guard let fields = reader.mapping(node, .root, allowed: ["description", "sources", "uncertainty"], required: ["uncertainty"]),
              let block = fields["uncertainty"],
              let uncertainty = UncertaintyValidator(reader: reader).read(block, FieldPath.root.key("uncertainty")),
              reader.diagnostics.isEmpty
        else {
            throw ScenarioError(reader.diagnostics.isEmpty
                ? [Diagnostic(file: file, line: 1, column: 1, path: "", message: "invalid uncertainty file")] : reader.diagnostics)
        }
        return uncertainty
    }
}
