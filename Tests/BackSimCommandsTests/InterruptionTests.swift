import Foundation
import Testing

/// SIGINT and SIGTERM during a long `--per-person` run: every temporary file
/// is removed and the exit status is 128 + the signal (130, 143).
@Suite(.serialized) struct InterruptionTests {
    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, Int32(143), "SIGTERM")])
    func aSignalRemovesEveryTemporaryFile(signal: Int32, status: Int32, name: String) throws {
        let executable = try #require(Backsim.executable)
        let scratch = try Scratch()
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = executable
        // Hours of work: the signal always arrives mid-run.
        process.arguments = [
            "compare", "--persons", "10000000", "--weeks", "520", "--quiet", "--threads", "1",
            "--per-person", scratch.path + "/people.csv", "--comparisons", scratch.path + "/comparisons.csv",
            "--output", scratch.path + "/out.csv",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait (up to a minute) until the per-person file is being written.
        var started = false
        for _ in 0..<600 {
            if try scratch.contents().contains(where: { $0.hasPrefix(".people.csv.tmp-") }) {
                started = true
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(started, "the run never started writing")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(try scratch.contents().isEmpty, "every temporary file removed")
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message == "Interrupted by \(name); removed 1 temporary file.\n")
    }
}
