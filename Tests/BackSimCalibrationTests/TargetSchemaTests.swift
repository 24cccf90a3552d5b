import Foundation
import Testing

@testable import BackSimCalibration

/// `backsim schema --targets` describes the real format: the shipped target
/// files and every distribution outcome validate against it with an
/// independent validator (python-jsonschema, draft 2020-12); files the
/// loader refuses for a schema-expressible reason fail it too.
@Suite struct TargetSchemaTests {
    static func check(_ documents: [String: String]) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-target-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.json")
        try TargetSchema.text.write(to: schema, atomically: true, encoding: .utf8)
        var paths: [String: String] = [:]
        for (name, text) in documents {
            let path = directory.appendingPathComponent("\(name).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths[path] = name
        }
        let process = Process()
        // Debian's own Python, which sees python3-jsonschema and python3-yaml
        // (scripts/test installs them); a user Python earlier on PATH may not.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Support.path("scripts/check-schema.py"), schema.path] + paths.keys.sorted()
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check-schema.py failed (needs /usr/bin/python3 with jsonschema and PyYAML: scripts/test installs python3-jsonschema and python3-yaml): \(problem)")
        var verdicts: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 1)
            let path = String(words[1].split(separator: ":")[0])
            verdicts[paths[path] ?? path] = String(words[0])
        }
        return verdicts
    }

    @Test func shippedAndDistributionTargetsValidate() throws {
        var documents: [String: String] = [:]
        for path in Support.shippedTargetFiles {
            documents[URL(fileURLWithPath: path).lastPathComponent] = try String(contentsOfFile: path, encoding: .utf8)
        }
        documents["distributions"] = DistributionTargetTests.yaml
        documents["courses"] = DistributionTargetTests.courseTargets
        for text in documents.values { _ = try Support.parse(text) }  // the loader accepts them too
        let verdicts = try Self.check(documents)
        #expect(verdicts.count == documents.count)
        for (name, verdict) in verdicts { #expect(verdict == "ok", "\(name)") }
    }

    @Test func filesTheLoaderRefusesFailTheSchemaToo() throws {
        let base = "name: t\ncohort: chronic\npolicy: guideline\nsource: x\nrange: [0, 1]\n"
        let broken = [
            "smd-without-versus": base + "outcome: standardised_difference\nof: pain\nweek: 12",
            "share-over-weeks": base + "outcome: share_pain_at_most\nlevel: 3\nweeks: [1, 4]",
            "level-on-pain": base + "outcome: pain\nlevel: 3\nweek: 4",
            "reached-at-a-week": base + "outcome: cumulative_share\nstate: {pain_at_most: 0}\ntime_zero: entry\nweek: 4",
            "two-comparisons": base + "outcome: monthly_pattern\nweeks: [1, 8]\nrule: [{months: [1, 2], every_at_least: 5, any_at_most: 2}]",
            "state-with-both": base + "outcome: time_to_recovery\nstate: {pain_at_most: 0, improvement_at_least: 30}\ntime_zero: entry\nfollow_up: 8",
            "unknown-outcome": base + "outcome: pian\nweek: 4",
        ]
        for (name, text) in broken {
            #expect(!Support.problems(targetFile(text)).isEmpty, "the loader refuses \(name)")
        }
        let verdicts = try Self.check(broken.mapValues { targetFile($0) })
        #expect(verdicts.count == broken.count)
        for (name, verdict) in verdicts { #expect(verdict == "invalid", "\(name)") }
    }
}
