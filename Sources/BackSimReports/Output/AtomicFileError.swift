#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file could not be written; nothing was left behind.
public struct AtomicFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination, as given.
    public let path: String
    /// Why, in words (`No such file or directory`).
    public let reason: String

    /// An error writing `path`, with the reason.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "cannot write '\(path)': \(reason)" }
}
