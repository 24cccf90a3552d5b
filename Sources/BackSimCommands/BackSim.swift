import ArgumentParser
import BackSimReports
import Foundation

/// The `backsim` command: subcommands, and the mapping of every failure to a
/// sysexits status.
public struct BackSim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: ToolInfo.name,
        abstract: "Simulate exercise programmes for back pain.",
        version: ToolInfo.versionText,
        subcommands: [Compare.self, Run.self, Trace.self, Validate.self, Policies.self, Schema.self, Evidence.self, Calibrate.self])

    public init() {}

    /// Parses the process's arguments, runs the command and exits with its
    /// ``ExitStatus``. Shadows ArgumentParser's `main()`, which would exit 1
    /// for every error it does not know.
    public static func main() {
        main(nil)
    }

    /// As ``main()`` with explicit `arguments` (without the program name), or
    /// the process's arguments when nil. Never returns.
    public static func main(_ arguments: [String]?) {
        Interruption.install()
        var parsed: (any ParsableCommand)?
        do {
            var command = try parseAsRoot(arguments)
            parsed = command
            try command.run()
        } catch let error as ValidationError where parsed != nil {
            // Found while running: the subcommand's own usage line, as for
            // errors found while parsing.
            let command = type(of: parsed!)
            StandardStream.error.write(usageError(error.message, command: command))
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch {
            guard let status = status(for: error) else { exit(withError: error) }
            let prefix = (error as? any CommandFailure)?.printsOwnPrefix == true ? "" : "Error: "
            StandardStream.error.write("\(prefix)\(message(for: error))\n")
            Foundation.exit(status.rawValue)
        }
        Foundation.exit(ExitStatus.success.rawValue)
    }

    /// The exit status for an error that ArgumentParser would not map itself
    /// (it maps help to 0 and usage errors to 64), or nil to let it.
    static func status(for error: any Error) -> ExitStatus? {
        if let failure = error as? any CommandFailure { return failure.exitStatus }
        if error is ExitCode { return nil }
        return exitCode(for: error) == .failure ? .internalError : nil
    }

    /// "Error: …", the usage line of `command` and where to find its help.
    static func usageError(_ message: String, command: any ParsableCommand.Type) -> String {
        let usage = usageString(for: command)
        let name = command == BackSim.self ? ToolInfo.name : "\(ToolInfo.name) \(command._commandName)"
        return "Error: \(message)\nUsage: \(usage)\n  See '\(name) --help' for more information.\n"
    }

    private static func message(for error: any Error) -> String {
        if let failure = error as? any CommandFailure { return failure.description }
        return "internal error: \(error)"
    }
}
