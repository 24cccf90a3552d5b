import Foundation
import Testing

/// `--shard`, `merge` and `shards status`: the merged output is the single
/// run's, byte for byte, for any N, shard order and thread count.
@Suite struct ShardTests {
    static let compare = [
        "compare", "--cohort", "chronic", "--weeks", "5", "--persons", "300", "--seed", "7",
        "--policies", "control,fixed,percent:30",
    ]

    /// Runs every shard of `arguments` (in a scrambled order, threads 1 and
    /// 2 alternating) into `directory` and merges them with `merge` flags.
    static func sharded(_ arguments: [String], n: Int, into directory: String, merge: [String]) throws -> Backsim.Outcome {
        let order = (0..<n).map { ($0 * 5 + 3) % n }
        #expect(Set(order).count == n || n == 5)
        for (position, index) in Set(order).sorted(by: { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }).enumerated() {
            let outcome = try Backsim.run(
                arguments + ["--shard", "\(index)/\(n)", "--threads", "\(1 + position % 2)", "--output", directory + "/"]
                    + (arguments.first == "evidence" ? [] : ["--quiet"]))  // evidence shows no progress
            try #require(outcome.status == 0, "\(outcome.standardError)")
        }
        let parts = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".backsim") }.sorted()
        return try Backsim.run(["merge"] + parts.reversed().map { directory + "/" + $0 } + merge)
    }

    @Test("compare: CSV, per-person and comparison files of N = 1, 2, 3, 7 shards equal the single run's", arguments: [1, 2, 3, 7])
    func compareMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = try Backsim.run(
            Self.compare + ["--format", "csv", "--per-person", scratch.path + "/pp-single.csv",
                            "--comparisons", scratch.path + "/cmp-single.csv", "--quiet"])
        try #require(single.status == 0)
        let arguments = Self.compare + ["--per-person", scratch.path + "/pp.csv", "--comparisons", scratch.path + "/cmp.csv"]
        let merged = try Self.sharded(arguments, n: n, into: scratch.path + "/parts", merge: ["--format", "csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
        #expect(try scratch.read("pp.csv") == scratch.read("pp-single.csv"))
        #expect(try scratch.read("cmp.csv") == scratch.read("cmp-single.csv"))
    }

    @Test("compare: the merged table and JSON equal the single run's (JSON apart from timing)")
    func compareTableAndJSON() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let table = try Backsim.run(Self.compare + ["--by", "profile", "--quiet"])
        let merged = try Self.sharded(Self.compare + ["--by", "profile"], n: 3, into: scratch.path, merge: [])
        #expect(merged.standardOutput == table.standardOutput)
        func withoutTiming(_ text: String) throws -> NSDictionary {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return object.filter { $0.key != "timing" } as NSDictionary
        }
        let json = try Backsim.run(Self.compare + ["--by", "profile", "--format", "json", "--quiet"])
        let mergedJSON = try Backsim.run(
            ["merge", "--format", "json"] + (try Scratch.files(scratch.path)))
        #expect(try withoutTiming(mergedJSON.standardOutput) == withoutTiming(json.standardOutput))
    }

    @Test("run: two shards merge to the single run's CSV")
    func runMerges() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = ["run", "--cohort", "acute", "--weeks", "4", "--persons", "150", "--policy", "fixed", "--replications", "2"]
        let single = try Backsim.run(arguments + ["--format", "csv", "--quiet"])
        let merged = try Self.sharded(arguments, n: 2, into: scratch.path, merge: ["--format", "csv"])
        #expect(merged.standardOutput == single.standardOutput)
    }

    @Test("psa: N = 1, 2, 3, 7 shards of draws merge to the single run's CSV and per-draw table", arguments: [1, 2, 3, 7])
    func psaMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = [
            "psa", "--cohort", "chronic", "--weeks", "4", "--persons", "100", "--draws", "7", "--policies", "control,fixed",
            "--uncertainty", Self.package + "/Scenarios/uncertainty/defaults.yaml",
        ]
        let single = try Backsim.run(arguments + ["--format", "csv", "--per-draw", scratch.path + "/single.csv", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try Self.sharded(
            arguments + ["--per-draw", scratch.path + "/draws.csv"], n: n, into: scratch.path + "/parts", merge: ["--format", "csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
        #expect(try scratch.read("draws.csv") == scratch.read("single.csv"))
    }

    @Test("sweep: N = 1, 2, 3, 7 shards of points merge to the single run's CSV", arguments: [1, 2, 3, 7])
    func sweepMerges(n: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = [
            "sweep", "--cohort", "chronic", "--weeks", "3", "--persons", "60", "--policies", "control,fixed",
            "--vary", "dropout.base=-4.6:-3.2:0.35",
        ]
        let single = try Backsim.run(arguments + ["--format", "csv", "--quiet"])
        try #require(single.status == 0, "\(single.standardError)")
        let merged = try Self.sharded(arguments, n: n, into: scratch.path, merge: ["--format", "csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
    }

    static let package: String = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url.path
    }()

    @Test("merge refuses missing, duplicate, mismatched and damaged parts with exit 65, naming them")
    func refusals() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for index in [0, 2] {
            _ = try Backsim.run(Self.compare + ["--shard", "\(index)/4", "--output", scratch.path + "/", "--quiet"])
        }
        let part0 = scratch.path + "/part-0-of-4.backsim", part2 = scratch.path + "/part-2-of-4.backsim"
        let missing = try Backsim.run(["merge", part0, part2])
        #expect(missing.status == 65)
        #expect(missing.standardError == "Error: missing shards 1, 3 of 4; run them (resubmit with --array=1,3) and merge again\n")
        #expect(missing.standardOutput.isEmpty)

        let status = try Backsim.run(["shards", "status", scratch.path])
        #expect(status.status == 0)
        #expect(status.standardOutput.hasPrefix("compare: 2 of 4 shards present (scenario hash "))
        #expect(status.standardOutput.hasSuffix(", seed 7)\nmissing: --array=1,3\n"))

        let duplicate = try Backsim.run(["merge", part0, part0])
        #expect(duplicate.status == 65)
        #expect(duplicate.standardError == "Error: shard 0 of 4 given twice: \(part0) and \(part0); give each shard once\n")

        let other = scratch.path + "/other.backsim"
        _ = try Backsim.run(Self.compare + ["--seed", "8", "--shard", "1/4", "--output", other, "--quiet"])
        let mismatch = try Backsim.run(["merge", part0, other])
        #expect(mismatch.status == 65)
        #expect(mismatch.standardError.contains("\(other): arguments"))
        #expect(mismatch.standardError.hasSuffix("these are shards of different runs and cannot be merged\n"))

        var text = try String(contentsOfFile: part2, encoding: .utf8)
        let digit = text.range(of: "section aggregates\n")!.upperBound
        text.replaceSubrange(digit...digit, with: text[digit] == "1" ? "2" : "1")
        try text.write(toFile: part2, atomically: true, encoding: .utf8)
        let damaged = try Backsim.run(["merge", part0, part2])
        #expect(damaged.status == 65)
        #expect(damaged.standardError.hasPrefix("Error: \(part2): not a valid partial result file (checksum "))

        try String(text.prefix(400)).write(toFile: part2, atomically: true, encoding: .utf8)
        let truncated = try Backsim.run(["merge", part0, part2])
        #expect(truncated.status == 65)
        #expect(truncated.standardError.contains("\(part2): not a valid partial result file"))
    }

    @Test("--shard auto/N reads the scheduler's index; none set, or out of range, is a usage error")
    func autoIndex() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = Self.compare + ["--shard", "auto/3", "--output", scratch.path + "/", "--quiet"]
        for (name, index) in [("SLURM_ARRAY_TASK_ID", "0"), ("JOB_COMPLETION_INDEX", "1"), ("AWS_BATCH_JOB_ARRAY_INDEX", "2")] {
            let outcome = try Backsim.run(arguments, environment: [name: index])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        #expect(try scratch.contents() == ["part-0-of-3.backsim", "part-1-of-3.backsim", "part-2-of-3.backsim"])
        let none = try Backsim.run(arguments)
        #expect(none.status == 64)
        #expect(none.standardError.hasPrefix(
            "Error: --shard auto/3: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set; "
                + "run it as an array job or give the index (--shard I/3)\n"))
        let outside = try Backsim.run(arguments, environment: ["SLURM_ARRAY_TASK_ID": "3"])
        #expect(outside.status == 64)
        #expect(outside.standardError.hasPrefix("Error: --shard auto/3: SLURM_ARRAY_TASK_ID is 3, outside 0...2; submit the array as 0-2\n"))
        let bad = try Backsim.run(Self.compare + ["--shard", "4/4"])
        #expect(bad.status == 64)
        #expect(bad.standardError.hasPrefix("Error: --shard: I must be from 0 to 3, got 4\n"))
    }
}

extension Scratch {
    /// The *.backsim files of `directory`, full paths.
    static func files(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".backsim") }.sorted().map { directory + "/" + $0 }
    }
}
