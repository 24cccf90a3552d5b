import ArgumentParser
import Foundation

/// Shard I of N of a run: `--shard I/N`, or `--shard auto/N` with I from the
/// scheduler's environment. N always comes from the command line, never from
/// the scheduler's task count (a resubmitted `--array=3,7` has a count of 2).
struct Shard: Equatable, Sendable {
    let index: Int
    let count: Int

    static let maximumCount = 100_000

    /// The environment variables `auto` reads, in this order.
    static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"]

    /// Parses `I/N` or `auto/N`, taking `auto`'s index from `environment`.
    static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ValidationError) -> Shard
    {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]) else {
            throw ValidationError("--shard: expected I/N or auto/N (e.g. 0/4), got '\(text)'")
        }
        guard (1...maximumCount).contains(count) else {
            throw ValidationError("--shard: N must be from 1 to \(maximumCount), got \(count)")
        }
        let index: Int
        if parts[0] == "auto" {
            guard let (name, value) = indexVariables.lazy.compactMap({ name in environment[name].map { (name, $0) } }).first else {
                throw ValidationError(
                    "--shard auto/\(count): none of \(indexVariables.joined(separator: ", ")) is set; "
                        + "run it as an array job or give the index (--shard I/\(count))")
            }
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--shard auto/\(count): \(name) is '\(value)', not a whole number")
            }
            guard (0..<count).contains(number) else {
                throw ValidationError("--shard auto/\(count): \(name) is \(number), outside 0...\(count - 1); submit the array as 0-\(count - 1)")
            }
            index = number
        } else {
            guard let number = Int(parts[0]) else {
                throw ValidationError("--shard: expected I/N or auto/N (e.g. 0/4), got '\(text)'")
            }
            guard (0..<count).contains(number) else {
                throw ValidationError("--shard: I must be from 0 to \(count - 1), got \(number)")
            }
            index = number
        }
        return Shard(index: index, count: count)
    }

    /// The partial file's path: `output` itself, or `part-I-of-N.backsim`
    /// inside it when it is a directory (or ends with '/'), or in the current
    /// directory when nil.
    func partialPath(output: String?) -> String {
        let name = "part-\(index)-of-\(count).backsim"
        guard let output else { return name }
        var isDirectory: ObjCBool = false
        if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return (output.hasSuffix("/") ? output : output + "/") + name
        }
        return output
    }
}

/// `--shard`, on every command whose work can be split.
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Compute only part I of N (0 to N-1) and write a partial result file to --output (a file, or a directory "
            + "for part-I-of-N.backsim; default: that name here) for 'backsim merge'. auto/N takes I from "
            + "SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.",
        valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let shard, !shard.hasPrefix("auto/") { _ = try Shard.parse(shard) }
    }

    /// The shard to compute, or nil for the whole run.
    func resolve() throws(ValidationError) -> Shard? {
        try shard.map { text throws(ValidationError) in try Shard.parse(text) }
    }
}
