import Foundation
import Testing

/// Output files: problems found before the run, names of any legal length,
/// one file per output.
@Suite struct OutputDestinationTests {
    static let small = ["--persons", "20", "--weeks", "2", "--seed", "7", "--threads", "1", "--quiet"]
    /// A run of hours: a check made only after the run would never be reached.
    static let huge = ["--persons", "10000000", "--weeks", "520", "--replications", "1000", "--quiet"]

    @Test func aLongLegalNameIsWritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let name = String(repeating: "n", count: 251) + ".csv"  // 255 bytes, the most ext4 allows
        let outcome = try Backsim.run(["compare", "--format", "csv", "--output", scratch.path + "/" + name] + Self.small)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try scratch.contents() == [name])
        let perPerson = String(repeating: "é", count: 127) + "s"  // 255 bytes in UTF-8
        let second = try Backsim.run(["run", "--per-person", scratch.path + "/" + perPerson, "--output", "/dev/null"] + Self.small)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try scratch.contents() == [name, perPerson].sorted())
    }

    @Test func aNameTooLongIsRefusedBeforeTheRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/" + String(repeating: "n", count: 256)
        let outcome = try Backsim.run(["compare", "--output", path] + Self.huge)
        #expect(outcome.status == 74)
        #expect(outcome.standardError == "Error: cannot write '\(path)': File name too long (256 bytes; at most 255 here)\n")
        #expect(try scratch.contents().isEmpty)
    }

    /// A folder that cannot be written is found before the run, with the
    /// system's reason. Root may write anywhere a mode allows, so as root the
    /// test uses /sys, which refuses new files to everyone.
    @Test func anUnwritableFolderIsRefusedBeforeTheRun() throws {
        let scratch = try Scratch()
        defer {
            chmod(scratch.path, 0o700)
            scratch.remove()
        }
        let folder: String
        if getuid() == 0 {
            folder = "/sys"
        } else {
            folder = scratch.path + "/read-only"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            chmod(folder, 0o500)
        }
        for flag in ["--output", "--per-person", "--comparisons"] {
            let outcome = try Backsim.run(["compare", flag, folder + "/out.csv"] + Self.huge)
            #expect(outcome.status == 74, "\(flag)")
            #expect(outcome.standardError == "Error: cannot write '\(folder)/out.csv': Permission denied\n", "\(flag)")
        }
    }

    /// The same file by the same name, by another spelling, or as an existing file.
    @Test(arguments: [
        (["--output", "same.csv", "--per-person", "same.csv"], "--per-person: 'same.csv' is also the --output file"),
        (["--comparisons", "same.csv", "--output", "./same.csv"], "--comparisons: 'same.csv' is also the --output file"),
        (["--per-person", "old.csv", "--comparisons", "../SCRATCH/old.csv"], "--per-person: 'old.csv' is also the --comparisons file"),
    ])
    func twoOutputsOnOneFileAreAUsageError(flags: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try "old".write(toFile: scratch.path + "/old.csv", atomically: false, encoding: .utf8)
        let folder = URL(fileURLWithPath: scratch.path).lastPathComponent
        let arguments = flags.map { $0.replacingOccurrences(of: "SCRATCH", with: folder) }
        // Relative names resolve against the scratch folder: run from there.
        let outcome = try Backsim.shell(
            "cd '\(scratch.path)' && \"$BACKSIM\" compare \((arguments + Self.small).joined(separator: " "))")
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("Error: \(message); give each output a file of its own\n"))
        #expect(try scratch.contents() == ["old.csv"])
        #expect(try scratch.read("old.csv") == "old")
    }
}
