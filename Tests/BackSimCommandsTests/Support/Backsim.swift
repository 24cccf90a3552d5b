import Foundation
import Testing

/// Runs the built `backsim` executable and captures what it printed.
enum Backsim {
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The executable, beside the running test binary (`.build/debug`,
    /// `.build-cli/debug`, or above the test bundle on Apple platforms); as a
    /// fallback, in either scratch directory of the package.
    static let executable: URL? = {
        var directories: [URL] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for start in [testBinary, Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
            var directory = start
            for _ in 0..<5 {
                directory = directory.deletingLastPathComponent()
                directories.append(directory)
            }
        }
        var package = URL(fileURLWithPath: #filePath)
        while package.path != "/" && !FileManager.default.fileExists(atPath: package.appendingPathComponent("Package.swift").path) {
            package = package.deletingLastPathComponent()
        }
        for scratch in [".build-cli", ".build"] {
            directories.append(package.appendingPathComponent(scratch).appendingPathComponent("debug"))
        }
        return directories.lazy.map { $0.appendingPathComponent("backsim") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `backsim arguments` with an 80-column help layout; `standardInput`
    /// is piped to it when given.
    static func run(_ arguments: [String], standardInput: String? = nil) throws -> Outcome {
        let executable = try #require(executable, "backsim executable not found; build it first")
        return try run(executable: executable.path, arguments, standardInput: standardInput)
    }

    /// Runs `bash -c script` with `$BACKSIM` set to the executable (for
    /// process substitution and pipes built by the shell).
    static func shell(_ script: String) throws -> Outcome {
        let executable = try #require(executable, "backsim executable not found; build it first")
        return try run(executable: "/bin/bash", ["-c", script], environment: ["BACKSIM": executable.path])
    }

    private static func run(
        executable: String, _ arguments: [String], standardInput: String? = nil, environment extra: [String: String] = [:]
    ) throws -> Outcome {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        for path in [outPath, errPath] {
            try #require(FileManager.default.createFile(atPath: path, contents: nil))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = Pipe()
        if standardInput != nil { process.standardInput = input }
        try process.run()
        if let standardInput {
            try input.fileHandleForWriting.write(contentsOf: Data(standardInput.utf8))
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: try String(contentsOfFile: outPath, encoding: .utf8),
            standardError: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
