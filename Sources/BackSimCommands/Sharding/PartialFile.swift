import BackSimReports
import Foundation

/// One shard's partial result file (docs/scale-out.md, "Partial result
/// files"): a header of `key value` lines, named sections of exact
/// aggregates, and a last line with an FNV-1a 64-bit checksum of every byte
/// before it.
struct PartialFile: Sendable {
    static let magic = "backsim-partial-result"
    static let formatVersion = 2

    /// Header fields that every shard of one run must share, in file order.
    static let sharedFields = ["tool", "model", "random-streams", "command", "arguments", "scenario-hash", "inputs-hash", "seed", "shards"]

    var path = ""
    var fields: [String: String]
    /// Field names in file order.
    var order: [String]
    var sections: [(name: String, body: Substring)]

    var index: Int { Int(fields["shard"] ?? "") ?? -1 }
    var count: Int { Int(fields["shards"] ?? "") ?? 0 }
    var arguments: [String] {
        (try? JSONDecoder().decode([String].self, from: Data((fields["arguments"] ?? "[]").utf8))) ?? []
    }
    var seconds: Double { Double(fields["seconds"] ?? "") ?? 0 }

    func section(_ name: String) -> Substring? { sections.first { $0.name == name }?.body }

    /// A new file's content for shard `shard` of the command run with `arguments`.
    static func make(
        shard: Shard, arguments: [String], scenarioHash: String, inputsHash: String? = nil, seed: UInt64, work: String,
        seconds: Double, sections: [(String, String)]
    ) -> String {
        let command = arguments.first ?? ""
        let encoded = String(decoding: (try? JSONEncoder().encode(Invocation.resultChanging(arguments))) ?? Data("[]".utf8), as: UTF8.self)
        var text = "\(magic) \(formatVersion)\n"
        for (key, value) in [
            ("tool", ToolInfo.version), ("model", "\(ToolInfo.modelVersion)"),
            ("random-streams", "\(ToolInfo.randomStreamVersion)"), ("command", command), ("arguments", encoded),
            ("scenario-hash", scenarioHash), ("inputs-hash", inputsHash ?? "none"), ("seed", "\(seed)"), ("shards", "\(shard.count)"), ("shard", "\(shard.index)"),
            ("work", work), ("seconds", "\(seconds)"),
        ] {
            text += "\(key) \(value)\n"
        }
        for (name, body) in sections {
            text += "section \(name)\n" + body
            if !body.isEmpty && !body.hasSuffix("\n") { text += "\n" }
        }
        return text + "checksum fnv1a-64 \(checksum(text.utf8))\n"
    }

    /// Reads and checks a partial file.
    static func read(_ path: String) throws -> PartialFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShardFailure(status: .ioError, message: "\(path): cannot read the partial result file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw corrupted(path, "not UTF-8 text") }
        return try parse(text, path: path)
    }

    static func corrupted(_ path: String, _ reason: String) -> ShardFailure {
        ShardFailure(status: .dataError, message: "\(path): not a valid partial result file (\(reason)); run that shard again")
    }

    static func parse(_ text: String, path: String) throws(ShardFailure) -> PartialFile {
        guard text.hasPrefix(magic + " ") else { throw corrupted(path, "it does not start with '\(magic)'") }
        let body = text.dropLast(text.hasSuffix("\n") ? 1 : 0)
        guard let lastBreak = body.lastIndex(of: "\n") else { throw corrupted(path, "no checksum line") }
        let checksumLine = body[body.index(after: lastBreak)...]
        let content = text[..<body.index(after: lastBreak)]
        guard checksumLine.hasPrefix("checksum fnv1a-64 ") else { throw corrupted(path, "no checksum line: truncated?") }
        let stated = checksumLine.dropFirst("checksum fnv1a-64 ".count)
        guard stated == checksum(content.utf8) else {
            throw corrupted(path, "checksum \(checksum(content.utf8)) differs from the recorded \(stated): the file was changed or damaged")
        }
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false)[...]
        let first = lines.removeFirst()
        guard first == "\(magic) \(formatVersion)" else {
            throw ShardFailure(
                status: .dataError,
                message: "\(path): partial result format '\(first.dropFirst(magic.count + 1))' is not \(formatVersion), "
                    + "the one this backsim reads; merge with the version that wrote it")
        }
        var fields: [String: String] = [:], order: [String] = []
        while let line = lines.first, !line.hasPrefix("section ") {
            lines.removeFirst()
            if line.isEmpty { continue }
            let pieces = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(pieces[0])
            fields[key] = pieces.count > 1 ? String(pieces[1]) : ""
            order.append(key)
        }
        // Sections: from each "section NAME" line to the next.
        var sections: [(String, Substring)] = []
        var starts: [(String, String.Index, String.Index)] = []  // name, line start, body start
        var position = content.startIndex
        while position < content.endIndex {
            let lineEnd = content[position...].firstIndex(of: "\n") ?? content.endIndex
            let line = content[position..<lineEnd]
            let next = lineEnd < content.endIndex ? content.index(after: lineEnd) : lineEnd
            if line.hasPrefix("section ") { starts.append((String(line.dropFirst(8)), position, next)) }
            position = next
        }
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].1 : content.endIndex
            sections.append((start.0, content[start.2..<end]))
        }
        let file = PartialFile(path: path, fields: fields, order: order, sections: sections)
        for key in sharedFields + ["shard", "work"] where key != "inputs-hash" && fields[key] == nil {
            throw corrupted(path, "no '\(key)' field")
        }
        guard (0..<max(file.count, 0)).contains(file.index) else { throw corrupted(path, "shard \(fields["shard"]!) of \(fields["shards"]!)") }
        return file
    }

    /// The FNV-1a checksum of the named input files' contents (an
    /// uncertainty file, a draws table), in order; "none" without any.
    static func inputsHash(_ paths: [String]) -> String {
        guard !paths.isEmpty else { return "none" }
        var bytes: [UInt8] = []
        for path in paths {
            bytes += Array(path.utf8) + [0]
            bytes += FileManager.default.contents(atPath: path).map(Array.init) ?? []
        }
        return checksum(bytes)
    }

    /// FNV-1a, 64-bit, hex: detects damage and truncation, not tampering.
    static func checksum(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A sharding failure: a bad, mismatched, missing or duplicate partial file.
struct ShardFailure: CommandFailure, Equatable {
    let status: ExitStatus
    let message: String

    var exitStatus: ExitStatus { status }
    var description: String { message }
}
