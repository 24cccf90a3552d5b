import BackSimScenario
import Foundation
import Testing

/// `backsim schema` describes the real format: every shipped scenario
/// validates against the schema text with an independent validator
/// (python-jsonschema, draft 2020-12), and broken files do not.
@Suite struct SchemaTests {
    static func check(_ files: [String]) throws -> [String] {
        let schema = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-schema-\(UUID().uuidString).json")
        try ScenarioSchema.text.write(to: schema, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schema) }
        let process = Process()
        // Debian's own Python, which sees python3-jsonschema and python3-yaml
        // (scripts/test installs them); a user Python earlier on PATH may not.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [ShippedScenarioTests.root.appendingPathComponent("scripts/check-schema.py").path, schema.path] + files
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check-schema.py failed (needs /usr/bin/python3 with jsonschema and PyYAML: scripts/test installs python3-jsonschema and python3-yaml): \(problem)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func schemaIsValidJSONOfDraft2020_12() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func everyShippedScenarioValidatesAgainstTheSchema() throws {
        let files = ShippedScenarioTests.files.map { ShippedScenarioTests.root.appendingPathComponent($0).path }
        let lines = try Self.check(files)
        #expect(lines.count == files.count)
        for line in lines { #expect(line.hasPrefix("ok "), "\(line)") }
    }

    @Test func brokenFilesFailTheSchemaToo() throws {
        let corpus = BrokenScenarioTests.corpus
        let names = ["06-huge-size", "07-pain-mean-out-of-range", "05-misspelt-top-key", "12-unknown-policy", "22-unknown-parameter"]
        let lines = try Self.check(names.map { corpus.appendingPathComponent("\($0).yaml").path })
        #expect(lines.count == names.count)
        for line in lines { #expect(line.hasPrefix("invalid "), "\(line)") }
    }

    /// A scenario with the shipped uncertainty defaults and a correlation
    /// validates; a misspelt distribution and a missing key do not.
    @Test func uncertaintyBlocksFollowTheSchema() throws {
        let root = ShippedScenarioTests.root
        let scenario = try String(contentsOf: root.appendingPathComponent("Scenarios/chronic-older-adult.yaml"), encoding: .utf8)
        let defaults = try String(contentsOf: root.appendingPathComponent("Scenarios/uncertainty/defaults.yaml"), encoding: .utf8)
        let block = defaults[defaults.range(of: "uncertainty:\n")!.lowerBound...]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-uncertainty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [
            ("good", scenario + block + "  correlations:\n    - {between: [dropout.base, adherence.stay], rank: -0.3}\n"),
            ("misspelt", scenario + "uncertainty:\n  parameters:\n    dropout.base: {distribution: normall, mean: -3, sd: 1}\n"),
            ("missing", scenario + "uncertainty:\n  parameters:\n    dropout.base: {distribution: normal, mean: -3}\n"),
        ].map { name, text in
            let file = directory.appendingPathComponent("\(name).yaml")
            try! text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        let lines = try Self.check(files)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("ok ") == true, "\(lines)")
        for line in lines.dropFirst() { #expect(line.hasPrefix("invalid "), "\(line)") }
        // The loader agrees.
        #expect(throws: Never.self) { try ScenarioLoader.load(path: files[0]) }
    }
}
