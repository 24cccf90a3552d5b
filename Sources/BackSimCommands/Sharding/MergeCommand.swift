import ArgumentParser
import Foundation

/// `backsim merge`: the output one process would have written, from the
/// partial result files of every shard.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the partial result files of a sharded run into its output.",
        discussion: """
            Renders exactly what the command would have written run as one process \
            (the same bytes; JSON apart from timing), with the per-person, comparison \
            and chart files it names. Refuses files of different runs, duplicate, \
            missing or damaged shards.
            """)

    @Argument(help: ArgumentHelp("Partial result files (--shard), in any order.", valueName: "parts"))
    var parts: [String] = []

    @Option(help: "As the command's --format (default: the command's default).")
    var format: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("no partial result files given; name them, e.g. 'backsim merge parts/*.backsim'") }
        if output?.isEmpty == true { throw ValidationError("--output: empty file name") }
    }

    func run() throws {
        let set = try PartialSet(try parts.map(PartialFile.read))
        try set.requireComplete()
        var arguments = set.parts[0].arguments
        if let format { arguments += ["--format", format] }
        if let output { arguments += ["--output", output] }
        if Invocation.showsProgress(arguments.first) { arguments.append("--quiet") }
        var command = try BackSim.parseAsRoot(arguments)
        try Invocation.$merging.withValue(set.parts) { try command.run() }
    }
}

/// `backsim shards status DIR`.
struct ShardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shards", abstract: "Inspect the partial result files of a sharded run.", subcommands: [Status.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which shards of a run are present and which are missing.",
            discussion: "The last line gives the missing indices as a scheduler takes them (--array=3,7), or says none are missing.")

        @Argument(help: ArgumentHelp("A directory of partial result files (*.backsim).", valueName: "directory"))
        var directory: String

        @Option(help: ArgumentHelp(
            "The run's number of shards, when the directory may hold none of them yet.", valueName: "n"))
        var shards: Int?

        func run() throws {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw ShardFailure(status: .ioError, message: "\(directory): cannot read the directory")
            }
            let paths = names.filter { $0.hasSuffix(".backsim") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
            var files: [PartialFile] = [], damaged: [String] = []
            for path in paths {
                do { files.append(try PartialFile.read(path)) } catch { damaged.append("\(error)") }
            }
            var text = ""
            for line in damaged { text += "damaged: \(line)\n" }
            let count: Int, present: [Int], missing: [Int]
            if files.isEmpty {
                guard let shards else {
                    throw ShardFailure(
                        status: .dataError,
                        message: "\(directory): no readable partial result files"
                            + (damaged.isEmpty ? "" : " (\(damaged.count) damaged, e.g. \(damaged[0]))")
                            + "; give --shards N to list every index as missing")
                }
                (count, present, missing) = (shards, [], Array(0..<shards))
            } else {
                let set = try PartialSet(files)
                if let shards, shards != set.count {
                    throw ShardFailure(status: .dataError, message: "\(directory): the files are shards of \(set.count), not \(shards)")
                }
                (count, present, missing) = (set.count, set.parts.map(\.index), set.missing)
                text += "\(set.parts[0].fields["command"] ?? ""): \(present.count) of \(count) shards present "
                    + "(scenario hash \(set.parts[0].fields["scenario-hash"] ?? ""), seed \(set.parts[0].fields["seed"] ?? ""))\n"
            }
            _ = present
            text += missing.isEmpty ? "missing: none\n" : "missing: \(PartialSet.arraySpec(missing))\n"
            _ = count
            try StandardStream.output.write(all: text)
        }
    }
}
