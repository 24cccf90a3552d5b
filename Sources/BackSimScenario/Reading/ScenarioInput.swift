#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a scenario's bytes come from: a file, a pipe (`/dev/stdin`, a
/// process substitution such as `<(generate)`), or standard input named `-`.
public enum ScenarioInput {
    /// The argument that means standard input.
    public static let standardInput = "-"

    /// How `path` is named in messages: `<stdin>` for `-`, otherwise as given.
    public static func displayName(_ path: String) -> String {
        path == standardInput ? "<stdin>" : path
    }

    /// The bytes at `path` (`-`: standard input), read to the end, but never
    /// more than one byte past ``ScenarioLoader/maximumBytes`` (the loader then
    /// refuses the size), so an endless stream cannot exhaust memory.
    public static func read(_ path: String) throws(ScenarioReadError) -> Data {
        let descriptor = path == standardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ScenarioReadError(path: path, errno: errno) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw ScenarioReadError(path: path, errno: EISDIR)
        }
        let limit = ScenarioLoader.maximumBytes + 1
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        var data = Data()
        while data.count < limit {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress!, min(buffer.count, limit - data.count))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ScenarioReadError(path: path, errno: errno)
            }
            if count == 0 { break }
            data.append(contentsOf: bytes[..<count])
        }
        return data
    }
}

/// POSIX `read(2)`, out of reach of `ScenarioInput.read` inside the enum.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A scenario that could not be read at all (an I/O error, not bad content):
/// the path and the operating system's reason.
public struct ScenarioReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// The `errno` value (`ENOENT`, `EISDIR`, …).
    public let code: Int32
    /// The system's words for `code`.
    public var reason: String { String(cString: strerror(code)) }

    public init(path: String, errno code: Int32) {
        self.path = path
        self.code = code
    }

    public var description: String { "cannot read '\(ScenarioInput.displayName(path))': \(reason)" }
}
