import Foundation
import Testing

/// `backsim emit`: the Kubernetes manifests are checked structurally and
/// each pod's command is run here with JOB_COMPLETION_INDEX set; the Slurm
/// script is run for real by scripts/slurm-test (CI).
@Suite struct EmitTests {
    static let psa = [
        "psa", "--cohort", "chronic", "--weeks", "4", "--persons", "80", "--draws", "5", "--policies", "control,fixed",
        "--uncertainty", ShardTests.package + "/Scenarios/uncertainty/defaults.yaml", "--format", "csv", "--output", "psa.csv",
    ]

    /// The manifest's documents, parsed by PyYAML (installed by scripts/test).
    static func documents(_ path: String) throws -> [[String: Any]] {
        let outcome = try Backsim.shell(
            "/usr/bin/python3 -c 'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))' '\(path)'")
        try #require(outcome.status == 0, "\(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
    }

    @Test("kubernetes: an Indexed Job of N completions and a suspended merge Job on one shared volume; the pods' commands reproduce the single run")
    func kubernetes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let emitted = try Backsim.run(["emit", "kubernetes", scratch.path + "/job.yaml", "--shards", "3", "--claim", "shared"] + Self.psa)
        try #require(emitted.status == 0, "\(emitted.standardError)")
        let documents = try Self.documents(scratch.path + "/job.yaml")
        try #require(documents.count == 2)
        func spec(_ document: [String: Any]) -> [String: Any] { document["spec"] as? [String: Any] ?? [:] }
        func pod(_ document: [String: Any]) -> [String: Any] { (spec(document)["template"] as? [String: Any])?["spec"] as? [String: Any] ?? [:] }
        func container(_ document: [String: Any]) -> [String: Any] { (pod(document)["containers"] as? [[String: Any]])?.first ?? [:] }
        let (shards, merge) = (documents[0], documents[1])
        #expect(shards["kind"] as? String == "Job" && merge["kind"] as? String == "Job")
        #expect(spec(shards)["completionMode"] as? String == "Indexed")
        #expect(spec(shards)["completions"] as? Int == 3)
        #expect(spec(merge)["suspend"] as? Bool == true)
        for document in documents {
            let volumes = pod(document)["volumes"] as? [[String: Any]]
            #expect((volumes?.first?["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == "shared")
            let mounts = container(document)["volumeMounts"] as? [[String: Any]]
            #expect(mounts?.first?["mountPath"] as? String == "/work")
            #expect(container(document)["workingDir"] as? String == "/work")
        }
        let text = try scratch.read("job.yaml")
        #expect(text.contains("kubectl wait --for=condition=complete job/backsim-shards"))
        #expect(text.contains("kubectl patch job backsim-merge --type=merge -p '{\"spec\":{\"suspend\":false}}'"))

        // Each pod's command, in a directory standing for the volume.
        let shardCommand = try #require(container(shards)["command"] as? [String])
        #expect(shardCommand.first == "backsim")
        let volume = scratch.path + "/work"
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        func quoted(_ words: some Sequence<String>) -> String { words.map { "'\($0)'" }.joined(separator: " ") }
        for index in [2, 0, 1] {
            let outcome = try Backsim.shell("cd '\(volume)' && JOB_COMPLETION_INDEX=\(index) \"$BACKSIM\" \(quoted(shardCommand.dropFirst()))")
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let mergeCommand = try #require(container(merge)["command"] as? [String])
        #expect(mergeCommand.count == 3 && mergeCommand[0] == "sh" && mergeCommand[1] == "-c")
        let script = mergeCommand[2].replacingOccurrences(of: "backsim merge", with: "\"$BACKSIM\" merge")
        let merged = try Backsim.shell("cd '\(volume)' && \(script)")
        #expect(merged.status == 0, "\(merged.standardError)")
        let single = try Backsim.run(Self.psa.dropLast(2) + ["--quiet"])
        #expect(try String(contentsOfFile: volume + "/psa.csv", encoding: .utf8) == single.standardOutput)
    }

    @Test("kubernetes for evidence, owsa and power: each pod's command, run here with JOB_COMPLETION_INDEX, and the merge Job's reproduce the single run", arguments: [
        ShardStudyTests.evidence, ShardStudyTests.owsa, ShardStudyTests.power,
    ])
    func kubernetesStudies(command: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = command + ["--format", "csv", "--output", "out.csv"]
        let emitted = try Backsim.run(["emit", "kubernetes", scratch.path + "/job.yaml", "--shards", "3"] + arguments)
        try #require(emitted.status == 0, "\(emitted.standardError)")
        let documents = try Self.documents(scratch.path + "/job.yaml")
        try #require(documents.count == 2)
        func container(_ document: [String: Any]) -> [String: Any] {
            let template = (document["spec"] as? [String: Any])?["template"] as? [String: Any]
            return ((template?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first ?? [:]
        }
        #expect((documents[0]["spec"] as? [String: Any])?["completions"] as? Int == 3)
        let shardCommand = try #require(container(documents[0])["command"] as? [String])
        #expect(shardCommand.suffix(2) == (command[0] == "evidence" ? ["--output", "parts/"] : ["parts/", "--quiet"]))
        let volume = scratch.path + "/work"
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        let words = shardCommand.dropFirst().map { "'\($0)'" }.joined(separator: " ")
        for index in [1, 2, 0] {
            let outcome = try Backsim.shell("cd '\(volume)' && JOB_COMPLETION_INDEX=\(index) \"$BACKSIM\" \(words)")
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let mergeCommand = try #require(container(documents[1])["command"] as? [String])
        let script = mergeCommand[2].replacingOccurrences(of: "backsim merge", with: "\"$BACKSIM\" merge")
        let merged = try Backsim.shell("cd '\(volume)' && \(script)")
        let single = try Backsim.run(command + ["--format", "csv"] + (command[0] == "evidence" ? [] : ["--quiet"]))
        #expect(merged.status == single.status, "\(merged.standardError)")
        #expect(try String(contentsOfFile: volume + "/out.csv", encoding: .utf8) == single.standardOutput)
    }

    @Test("slurm: the script submits the array with auto/N and a merge after it, and takes --array=… to resubmit")
    func slurm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let emitted = try Backsim.run(["emit", "slurm", scratch.path + "/job.sh", "--shards", "4"] + Self.psa)
        try #require(emitted.status == 0, "\(emitted.standardError)")
        let text = try scratch.read("job.sh")
        #expect(text.hasPrefix("#!/bin/sh\n"))
        #expect(text.contains("ARRAY=\"${1:---array=0-3}\""))
        #expect(text.contains("--shard auto/4 --threads 1 --output parts/ --quiet"))
        #expect(text.contains("--dependency=afterany:"))
        #expect(text.contains("exec \"$BACKSIM\" merge parts/*.backsim --format csv --output psa.csv"))
        #expect(FileManager.default.isExecutableFile(atPath: scratch.path + "/job.sh"))
        let syntax = try Backsim.shell("sh -n '\(scratch.path)/job.sh'")
        #expect(syntax.status == 0)
    }

    @Test("emit refuses commands that cannot be sharded, and --shard in the command")
    func refusals() throws {
        let calibrate = try Backsim.run(["emit", "slurm", "/tmp/never.sh", "--shards", "2", "calibrate"])
        #expect(calibrate.status == 64)
        #expect(calibrate.standardError.hasPrefix("Error: 'calibrate' cannot be sharded; give one of compare, run, evidence, owsa, psa, sweep, power\n"))
        let shard = try Backsim.run(["emit", "slurm", "/tmp/never.sh", "--shards", "2", "compare", "--shard", "0/2"])
        #expect(shard.status == 64)
        #expect(shard.standardError.hasPrefix("Error: leave --shard out of the command; emit adds --shard auto/2\n"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.sh"))
    }
}
