import Foundation
import Testing

@testable import BackSimReports

@Suite struct AtomicFileTests {
    /// A fresh, empty directory, removed after `body`.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("backsim-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func writesAndReplacesLeavingNothingElse() throws {
        try withDirectory { directory throws in
            let path = directory + "/out.csv"
            try AtomicFile.write("first\n", to: path)
            try AtomicFile.write("second\n", to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
        }
    }

    @Test func missingDirectoryNamesThePathAndLeavesNothing() throws {
        try withDirectory { directory throws in
            let path = directory + "/missing/out.csv"
            #expect(throws: AtomicFileError(path: path, reason: "No such file or directory")) {
                try AtomicFile.write("x", to: path)
            }
            #expect(throws: AtomicFileError(path: path, reason: "directory '\(directory)/missing' does not exist")) {
                try AtomicFile.checkDestination(path)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
    }

    @Test func checkRejectsADirectoryAndAcceptsANewFile() throws {
        try withDirectory { directory throws in
            let error = #expect(throws: AtomicFileError.self) { try AtomicFile.checkDestination(directory) }
            #expect(error?.path == directory)
            #expect(error?.description == "cannot write '\(directory)': is a directory")
            try AtomicFile.checkDestination(directory + "/new.csv")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        try withDirectory { directory throws in
            // A non-empty directory at the destination makes rename(2) fail
            // after the temporary file was written.
            let path = directory + "/out"
            try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
            #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: path) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out"])
        }
    }

    @Test func bareFileNameIsInTheCurrentDirectory() {
        #expect(AtomicFile.directory(of: "out.csv") == ".")
        #expect(AtomicFile.directory(of: "/out.csv") == "/")
        #expect(AtomicFile.directory(of: "a/b/out.csv") == "a/b")
    }
}

/// Devices and pipes are written to, never replaced (running as root,
/// renaming over `/dev/null` would replace the device with a file).
@Suite struct AtomicFileSpecialFileTests {
    @Test func writingToDevNullLeavesItADevice() throws {
        try AtomicFile.write("discarded\n", to: "/dev/null")
        let stream = try AtomicFile.Stream(path: "/dev/null")
        try stream.append(Array("also discarded\n".utf8))
        try stream.commit()
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }
}
