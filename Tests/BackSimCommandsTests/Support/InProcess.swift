import Foundation

@testable import BackSimCommands

/// Parses and runs a command in the test process, writing to `--output` in a
/// scratch directory, and returns the file's text.
enum InProcess {
    static func output(_ arguments: [String]) throws -> String {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var command = try BackSim.parseAsRoot(arguments + ["--output", scratch.path + "/out", "--quiet"])
        try command.run()
        return try scratch.read("out")
    }
}
