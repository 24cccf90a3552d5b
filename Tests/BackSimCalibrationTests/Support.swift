import BackSimCalibration
import BackSimScenario
import Foundation
import Testing

/// Paths and small helpers shared by the calibration tests.
enum Support {
    /// The package's root directory.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The shipped evidence target files, `Scenarios/evidence/*.yaml`.
    static var shippedTargetFiles: [String] {
        let directory = path("Scenarios/evidence")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    /// Parses target YAML as if it were a file in `Scenarios/evidence/`.
    static func parse(_ yaml: String, file: String = "t.yaml") throws(ScenarioError) -> TargetFile {
        try TargetLoader.parse(yaml: yaml, file: file, directory: path("Scenarios/evidence"))
    }

    /// The diagnostics of invalid target YAML, as printed.
    static func problems(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

/// A minimal valid target file with `target` as its only target's fields.
func targetFile(_ target: String, header: String = "") -> String {
    """
    name: test
    description: a test
    \(header)targets:
      - \(target.split(separator: "\n").joined(separator: "\n    "))

    """
}
