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
}
