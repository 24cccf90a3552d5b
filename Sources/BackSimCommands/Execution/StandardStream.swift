#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to standard output or standard error (file descriptors
/// 1 and 2), safe to call from any thread.
struct StandardStream: Sendable {
    let descriptor: Int32
    let name: String

    static let output = StandardStream(descriptor: 1, name: "standard output")
    static let error = StandardStream(descriptor: 2, name: "standard error")

    /// Whether the stream is a terminal (so a person, not a program, reads it).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes all of `text`, or throws on the first failure.
    func write(all text: String) throws(StreamWriteError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw StreamWriteError(stream: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Best effort, for messages about failures: there is nobody left to tell
    /// if this fails.
    func write(_ text: String) {
        try? write(all: text)
    }
}

/// POSIX `write(2)`, out of reach of the methods named `write` above.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
