import BackSimCalibration
import BackSimCore
import BackSimReports
import Foundation

/// `evidence` as shards: every run's persons split as for `compare`, one
/// section of exact aggregates and tallies per run.
enum EvidenceShard {
    /// The runs' scenarios, as one content hash.
    static func scenarioHash(_ runner: EvidenceRunner) -> String {
        PartialFile.checksum(runner.scenarioHashes.joined(separator: "\n").utf8)
    }

    /// Each run's persons for shard `index` of `count`, e.g. `persons 0..<64 of 150; 0..<64 of 300`.
    static func work(_ runner: EvidenceRunner, index: Int, count: Int) -> String {
        "persons " + runner.simulatedPersons.map { total in
            let range = ShardSplit.persons(total: total, index: index, count: count)
            return "\(range.lowerBound)..<\(range.upperBound) of \(total)"
        }.joined(separator: "; ")
    }

    static func write(
        _ runner: EvidenceRunner, parameters: [ParameterValue], shard: Shard, output: String?, targetPaths: [String]
    ) throws {
        let path = shard.partialPath(output: output)
        if let output, output.hasSuffix("/") {
            try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        try AtomicFile.checkDestination(path)
        let start = ContinuousClock.now
        let part = try runner.evaluatePart(parameters: parameters) { _, total in
            ShardSplit.persons(total: total, index: shard.index, count: shard.count)
        }
        let text = PartialFile.make(
            shard: shard, arguments: Invocation.arguments ?? Array(CommandLine.arguments.dropFirst()),
            scenarioHash: scenarioHash(runner), inputsHash: PartialFile.inputsHash(targetPaths),
            seed: runner.settings.seed ?? runner.seeds.first ?? 0, work: work(runner, index: shard.index, count: shard.count),
            seconds: StudyShard.seconds(since: start),
            sections: part.encoded().enumerated().map { ("run-\($0.offset)", $0.element) })
        try AtomicFile.write(text, to: path)
    }

    /// The single run's estimates from every shard's part.
    static func merge(
        _ parts: [PartialFile], runner: EvidenceRunner, parameters: [ParameterValue], targetPaths: [String]
    ) throws -> [TargetEstimate] {
        let empty = runner.emptyPart(parameters: parameters)
        var total = empty
        let (hash, inputs) = (scenarioHash(runner), PartialFile.inputsHash(targetPaths))
        for part in parts {
            guard part.fields["inputs-hash"] == inputs else {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(part.path): the target files \(targetPaths.joined(separator: ", ")) changed since the shards ran "
                        + "(checksum \(part.fields["inputs-hash"] ?? "none"), now \(inputs)); restore them, or run the shards again")
            }
            guard part.fields["scenario-hash"] == hash else {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(part.path): the shards ran on scenario content \(part.fields["scenario-hash"] ?? ""), but it is now "
                        + "\(hash); restore the scenario files they ran on, or run the shards again")
            }
            guard part.fields["work"] == work(runner, index: part.index, count: part.count) else {
                throw PartialFile.corrupted(part.path, "its work '\(part.fields["work"] ?? "")' is not shard \(part.index)'s")
            }
            let bodies = runner.simulatedPersons.indices.map { part.section("run-\($0)") ?? "" }
            do {
                total.merge(try EvidencePart(decoding: bodies, like: empty, runner: runner, parameters: parameters))
            } catch {
                throw PartialFile.corrupted(part.path, "\(error)")
            }
        }
        return try runner.estimates(total, parameters: parameters)
    }
}
