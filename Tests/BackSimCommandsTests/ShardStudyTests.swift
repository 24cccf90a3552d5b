import Foundation
import Testing

/// `--shard` on `evidence`, `owsa` and `power`: the merged output is the
/// single run's, byte for byte, for N = 1, 2, 3, 7, shards run in a
/// scrambled order with thread counts alternating; bad parts are refused.
@Suite struct ShardStudyTests {
    static let uncertainty = ShardTests.package + "/Scenarios/uncertainty/defaults.yaml"
    static let owsa = [
        "owsa", "--cohort", "chronic", "--weeks", "3", "--persons", "130", "--policy", "fixed", "--reference", "control",
        "--uncertainty", uncertainty,
    ]
    static let evidence = ["evidence", "--persons", "70"] + [
        "costa-2009.yaml", "dunn-2006.yaml", "adherence-dropout.yaml", "hayden-2021.yaml",
    ].map { ShardTests.package + "/Scenarios/evidence/" + $0 }
    static let power = [
        "power", "--cohort", "chronic", "--arms", "fixed,control", "--n", "10:20:10", "--trials", "9", "--visit", "3",
        "--analysis", "ancova",
    ]

    @Test("owsa: N = 1, 2, 3, 7 shards of persons merge to the single run's CSV", arguments: [1, 2, 3, 7])
    func owsaMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = try Backsim.run(Self.owsa + ["--format", "csv", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try ShardTests.sharded(Self.owsa, n: n, into: scratch.path, merge: ["--format", "csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
    }

    @Test("evidence: N = 1, 2, 3, 7 shards merge to the single run's CSV and exit status; a shard exits 0", arguments: [1, 2, 3, 7])
    func evidenceMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = try Backsim.run(Self.evidence + ["--format", "csv"])
        #expect(single.status == 1, "a gating target outside: the exit status is part of what is compared")
        let shard = try Backsim.run(Self.evidence + ["--shard", "0/\(n)", "--output", scratch.path + "/"])
        #expect(shard.status == 0 && shard.standardError.isEmpty)
        let merged = try ShardTests.sharded(Self.evidence, n: n, into: scratch.path, merge: ["--format", "csv"])
        #expect(merged.status == single.status)
        #expect(merged.standardOutput == single.standardOutput)
        #expect(merged.standardError == single.standardError)
    }

    @Test("evidence: the merged table equals the single run's")
    func evidenceTable() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = try Backsim.run(Self.evidence)
        let merged = try ShardTests.sharded(Self.evidence, n: 2, into: scratch.path, merge: [])
        #expect(merged.standardOutput == single.standardOutput)
        #expect(merged.status == 1)
    }

    @Test("power: N = 1, 2, 3, 7 shards of trials merge to the single run's CSV and --trials-out file", arguments: [1, 2, 3, 7])
    func powerMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = try Backsim.run(Self.power + ["--format", "csv", "--trials-out", scratch.path + "/single.csv", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try ShardTests.sharded(
            Self.power + ["--trials-out", scratch.path + "/trials.csv"], n: n, into: scratch.path + "/parts", merge: ["--format", "csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
        #expect(try scratch.read("trials.csv") == scratch.read("single.csv"))
    }

    @Test("power: responder and dropout analyses merge to the single run's JSON", arguments: [
        ["responder", "fixed,control"], ["dropout", "fixed,percent:30"],
    ])
    func powerAnalyses(analysis: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = [
            "power", "--cohort", "chronic", "--arms", analysis[1], "--n", "10", "--trials", "5", "--visit", "4", "--analysis", analysis[0],
        ]
        let single = try Backsim.run(arguments + ["--format", "json", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try ShardTests.sharded(arguments, n: 3, into: scratch.path, merge: ["--format", "json"])
        #expect(merged.standardOutput == single.standardOutput)
    }

    @Test("compare under enrolment criteria: 3 shards, each screening only its part, merge to the single run's JSON with its screening counts")
    func enrolmentCriteriaMerge() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = [
            "compare", ShardTests.package + "/Scenarios/trial-enrolment.yaml", "--weeks", "3", "--persons", "150", "--replications", "2",
        ]
        func withoutTiming(_ text: String) throws -> NSDictionary {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return object.filter { $0.key != "timing" } as NSDictionary
        }
        let single = try Backsim.run(arguments + ["--format", "json", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try ShardTests.sharded(arguments, n: 3, into: scratch.path, merge: ["--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        let json = try withoutTiming(single.standardOutput)
        #expect(try withoutTiming(merged.standardOutput) == json)
        let screening = try #require(json["screening"] as? [String: Any])
        #expect((screening["screened"] as? Int ?? 0) > 300, "criteria that admit everyone test nothing")
    }

    /// The partial file with its checksum line recomputed, as a file of
    /// another version or with a changed field would carry.
    static func resealed(_ text: String, _ change: (String) -> String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast(2)  // the checksum line and the empty string after it
        let body = change(lines.joined(separator: "\n") + "\n")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in body.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return body + "checksum fnv1a-64 " + String(repeating: "0", count: 16 - hex.count) + hex + "\n"
    }

    @Test("Bad parts of evidence, owsa and power: exact messages, exit 65, nothing written")
    func refusals() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let parts = scratch.path + "/parts/"
        // owsa: an uncertainty file changed between the shards and the merge.
        let file = scratch.path + "/u.yaml"
        try String(contentsOfFile: Self.uncertainty, encoding: .utf8).write(toFile: file, atomically: true, encoding: .utf8)
        var owsa = Self.owsa
        owsa[owsa.count - 1] = file
        for index in 0..<2 { _ = try Backsim.run(owsa + ["--shard", "\(index)/2", "--output", parts, "--quiet"]) }
        try (try String(contentsOfFile: file, encoding: .utf8) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try Backsim.run(["merge", parts + "part-0-of-2.backsim", parts + "part-1-of-2.backsim", "--output", scratch.path + "/o.csv"])
        #expect(changed.status == 65)
        #expect(changed.standardError.hasPrefix("Error: \(parts)part-0-of-2.backsim: the input files \(file) changed since the shards ran (checksum "))
        #expect(changed.standardError.hasSuffix("); restore them, or run the shards again\n"))

        // power: a shard of another run (another seed) among the parts.
        let power = scratch.path + "/power/"
        _ = try Backsim.run(Self.power + ["--shard", "0/2", "--output", power, "--quiet"])
        _ = try Backsim.run(Self.power + ["--seed", "5", "--shard", "1/2", "--output", power, "--quiet"])
        let mixed = try Backsim.run(["merge", power + "part-0-of-2.backsim", power + "part-1-of-2.backsim"])
        #expect(mixed.status == 65)
        #expect(mixed.standardError.hasPrefix("Error: \(power)part-1-of-2.backsim: arguments '"))
        #expect(mixed.standardError.hasSuffix("' in \(power)part-0-of-2.backsim; these are shards of different runs and cannot be merged\n"))

        // power: a part claiming another shard's work (checksum intact).
        let part0 = power + "part-0-of-2.backsim"
        let text = try String(contentsOfFile: part0, encoding: .utf8)
        try Self.resealed(text) { $0.replacingOccurrences(of: "work trials 0..<4 of 9", with: "work trials 0..<5 of 9") }
            .write(toFile: part0, atomically: true, encoding: .utf8)
        _ = try Backsim.run(Self.power + ["--shard", "1/2", "--output", power, "--quiet"])
        let wrongWork = try Backsim.run(["merge", part0, power + "part-1-of-2.backsim"])
        #expect(wrongWork.status == 65)
        #expect(wrongWork.standardError
            == "Error: \(part0): not a valid partial result file (its work 'trials 0..<5 of 9' is not shard 0's); run that shard again\n")

        // evidence: a damaged part, and a part of the previous format.
        let evidence = scratch.path + "/evidence/"
        for index in 0..<2 { _ = try Backsim.run(Self.evidence + ["--shard", "\(index)/2", "--output", evidence]) }
        let e1 = evidence + "part-1-of-2.backsim"
        let original = try String(contentsOfFile: e1, encoding: .utf8)
        try original.replacingOccurrences(of: "section run-1\n", with: "section run-1\n9").write(toFile: e1, atomically: true, encoding: .utf8)
        let damaged = try Backsim.run(["merge", evidence + "part-0-of-2.backsim", e1, "--output", scratch.path + "/e.txt"])
        #expect(damaged.status == 65)
        #expect(damaged.standardError.hasPrefix("Error: \(e1): not a valid partial result file (checksum "))
        #expect(damaged.standardError.hasSuffix(": the file was changed or damaged); run that shard again\n"))
        try Self.resealed(original) { $0.replacingOccurrences(of: "backsim-partial-result 2\n", with: "backsim-partial-result 1\n") }
            .write(toFile: e1, atomically: true, encoding: .utf8)
        let old = try Backsim.run(["merge", evidence + "part-0-of-2.backsim", e1])
        #expect(old.status == 65)
        #expect(old.standardError
            == "Error: \(e1): partial result format '1' is not 2, the one this backsim reads; merge with the version that wrote it\n")
        let alone = scratch.path + "/old/"
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: e1, toPath: alone + "part-1-of-2.backsim")
        let status = try Backsim.run(["shards", "status", alone])
        #expect(status.status == 65)
        #expect(status.standardError == "Error: \(alone): no readable partial result files (1 damaged, e.g. \(alone)part-1-of-2.backsim: "
            + "partial result format '1' is not 2, the one this backsim reads; merge with the version that wrote it); "
            + "give --shards N to list every index as missing\n")
        // A part whose numbers do not fit the run (checksum intact).
        try Self.resealed(original) { $0.replacingOccurrences(of: "\ntallies\n", with: " 0\ntallies\n") }
            .write(toFile: e1, atomically: true, encoding: .utf8)
        let extra = try Backsim.run(["merge", evidence + "part-0-of-2.backsim", e1])
        #expect(extra.status == 65)
        #expect(extra.standardError
            == "Error: \(e1): not a valid partial result file (more numbers than the run's aggregates hold); run that shard again\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/o.csv"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/e.txt"))
    }
}
