/// What the running command was started with, for partial result files.
enum Invocation {
    /// The arguments after the program's name, as given to ``BackSim/main(_:)``.
    @TaskLocal static var arguments: [String]?

    /// The partial files being merged while `backsim merge` re-runs the
    /// original command; nil in every other run.
    @TaskLocal static var merging: [PartialFile]?

    /// Whether `command` shows progress (and so takes `--quiet`); `evidence`
    /// does not.
    static func showsProgress(_ command: String?) -> Bool { command != "evidence" }

    /// `arguments` without those that cannot change a result (`--shard`,
    /// `--threads`, `--output`/`-o`, `--format`, `--quiet`): what every shard
    /// of one run must share, and what `merge` runs again.
    static func resultChanging(_ arguments: [String]) -> [String] {
        let valued: Set<String> = ["--shard", "--threads", "--output", "-o", "--format"]
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--" { kept.append(argument); continue }
            if valued.contains(argument) { skipNext = true; continue }
            if argument == "--quiet" { continue }
            if let equals = argument.firstIndex(of: "="), valued.contains(String(argument[..<equals])) { continue }
            kept.append(argument)
        }
        return kept
    }
}
