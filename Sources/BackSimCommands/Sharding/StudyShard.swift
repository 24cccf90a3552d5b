import BackSimCore
import BackSimReports
import Foundation

/// Studies (psa, …) as shards: each shard's part of the study's items
/// (draws, points, trials) as a JSON payload of exact results in a partial
/// file, and the parts read back for `merge`.
enum StudyShard {
    /// Writes `payload`, shard `shard`'s items `items` of `total`.
    static func write(
        _ payload: some Encodable, shard: Shard, output: String?, scenarioHash: String, seed: UInt64, items: Range<Int>,
        total: Int, noun: String, seconds: Double, inputs: [String] = []
    ) throws {
        let path = shard.partialPath(output: output)
        if let output, output.hasSuffix("/") {
            try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        try AtomicFile.checkDestination(path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        let text = PartialFile.make(
            shard: shard, arguments: Invocation.arguments ?? Array(CommandLine.arguments.dropFirst()),
            scenarioHash: scenarioHash, inputsHash: PartialFile.inputsHash(inputs), seed: seed, work: work(noun, items, total), seconds: seconds,
            sections: [("payload", json)])
        try AtomicFile.write(text, to: path)
    }

    static func work(_ noun: String, _ items: Range<Int>, _ total: Int) -> String {
        "\(noun) \(items.lowerBound)..<\(items.upperBound) of \(total)"
    }

    /// The parts' payloads in shard order, after checking each belongs to
    /// this run: the scenario's content and the split of `total` items.
    static func payloads<T: Decodable>(
        _ parts: [PartialFile], as type: T.Type, scenarioHash: String, total: Int, noun: String, inputs: [String] = [],
        split: (_ total: Int, _ index: Int, _ count: Int) -> Range<Int> = ShardSplit.items
    ) throws -> [T] {
        let inputsHash = PartialFile.inputsHash(inputs)
        return try parts.map { part in
            guard (part.fields["inputs-hash"] ?? "none") == inputsHash else {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(part.path): the input files \(inputs.joined(separator: ", ")) changed since the shards ran "
                        + "(checksum \(part.fields["inputs-hash"] ?? "none"), now \(inputsHash)); restore them, or run the shards again")
            }
            guard part.fields["scenario-hash"] == scenarioHash else {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(part.path): the shards ran on scenario content \(part.fields["scenario-hash"] ?? ""), but it is now "
                        + "\(scenarioHash); restore the scenario file they ran on, or run the shards again")
            }
            let items = split(total, part.index, part.count)
            guard part.fields["work"] == work(noun, items, total) else {
                throw PartialFile.corrupted(part.path, "its work '\(part.fields["work"] ?? "")' is not shard \(part.index)'s")
            }
            do {
                return try JSONDecoder().decode(T.self, from: Data((part.section("payload") ?? "").utf8))
            } catch {
                throw PartialFile.corrupted(part.path, "its payload cannot be read")
            }
        }
    }

    /// Seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
