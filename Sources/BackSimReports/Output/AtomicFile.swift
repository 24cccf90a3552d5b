#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files whole or not at all.
///
/// The bytes go to a new temporary file in the destination's directory
/// (same file system, so the final `rename` is atomic), are flushed to disk,
/// and the file is renamed over the destination. Readers see the old file or
/// the complete new one, never a prefix. On any failure the temporary file is
/// removed and the destination is left as it was.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, replacing any existing file.
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`, replacing any existing file (the new file
    /// gets the usual mode for a new file, 0666 less the umask).
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        if isSpecialFile(path) {
            // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) cannot be
            // replaced by renaming, and must not be: write straight to it.
            let descriptor = openForWriting(path)
            guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            return
        }
        let (descriptor, temporary) = try createTemporary(for: path)
        var failure: AtomicFileError?
        defer {
            if failure != nil { unlink(temporary) }
            TemporaryFiles.forget(temporary)
        }
        do throws(AtomicFileError) {
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, errno: errno) }
        } catch {
            failure = error
        }
        if close(descriptor) != 0, failure == nil { failure = AtomicFileError(path: path, errno: errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = AtomicFileError(path: path, errno: errno) }
        if let failure { throw failure }
    }

    /// Fails unless `path` names a file that could be created or replaced:
    /// its directory exists, `path` is not itself a directory, its name is
    /// within the file system's limit, and a file can be created beside it
    /// (tried for real, then removed, so read-only folders and file systems
    /// are found too, with the system's reason). Lets a command fail before a
    /// long run rather than after it; ``write(_:to:)-(String,_)`` does not depend on it.
    public static func checkDestination(_ path: String) throws(AtomicFileError) {
        guard !path.isEmpty else { throw AtomicFileError(path: path, reason: "empty file name") }
        let directory = directory(of: path)
        var status = stat()
        guard stat(directory, &status) == 0 else {
            throw AtomicFileError(path: path, reason: "directory '\(directory)' does not exist")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw AtomicFileError(path: path, reason: "'\(directory)' is not a directory")
        }
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR { throw AtomicFileError(path: path, reason: "is a directory") }
            // A device or pipe is written directly, never replaced.
            if type != S_IFREG {
                let descriptor = openForWriting(path)
                guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
                close(descriptor)
                return
            }
        }
        let name = fileName(of: path)
        let limit = pathconf(directory, Int32(_PC_NAME_MAX))
        if limit > 0, name.utf8.count > limit {
            throw AtomicFileError(path: path, reason: "\(String(cString: strerror(ENAMETOOLONG))) (\(name.utf8.count) bytes; at most \(limit) here)")
        }
        let (descriptor, temporary) = try createTemporary(for: path)
        close(descriptor)
        unlink(temporary)
        TemporaryFiles.forget(temporary)
    }

    /// Whether `a` and `b` name the same file: the same existing file, or the
    /// same name in the same directory. Devices and pipes never count (they
    /// are written directly, not replaced).
    public static func sameDestination(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        let firstExists = stat(a, &first) == 0, secondExists = stat(b, &second) == 0
        if firstExists && secondExists {
            guard first.st_mode & S_IFMT == S_IFREG else { return false }
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        if firstExists != secondExists { return false }
        guard fileName(of: a) == fileName(of: b) else { return false }
        guard stat(directory(of: a), &first) == 0, stat(directory(of: b), &second) == 0 else { return a == b }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// `path` exists and is neither a regular file nor a directory.
    static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    static func openForWriting(_ path: String) -> Int32 { open(path, O_WRONLY | O_CLOEXEC) }

    /// The last component of `path`.
    static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The directory holding `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A file written in pieces and published whole: bytes go to a temporary
    /// file beside `path`; ``commit()`` flushes and renames it over `path`,
    /// ``abort()`` (or an error) removes it. Not thread-safe: callers serialise.
    public final class Stream {
        /// The destination path.
        public let path: String
        private var descriptor: Int32
        private let temporary: String
        private var isOpen = true

        /// Set when `path` is a device or pipe, written directly.
        private let direct: Bool

        /// Opens a temporary file next to `path` (or the device itself for /dev/stdout and pipes).
        public init(path: String) throws(AtomicFileError) {
            self.path = path
            if AtomicFile.isSpecialFile(path) {
                descriptor = AtomicFile.openForWriting(path)
                guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
                (temporary, direct) = (path, true)
            } else {
                (descriptor, temporary) = try AtomicFile.createTemporary(for: path)
                direct = false
            }
        }

        deinit { abort() }

        /// Appends bytes to the temporary file.
        public func append(_ bytes: [UInt8]) throws(AtomicFileError) {
            precondition(isOpen, "append after commit or abort")
            do throws(AtomicFileError) {
                try AtomicFile.writeAll(bytes, to: descriptor, path: path)
            } catch {
                abort()
                throw error
            }
        }

        /// Renames the temporary file over `path`: the file appears whole or not at all.
        public func commit() throws(AtomicFileError) {
            guard isOpen else { return }
            isOpen = false
            if direct {
                close(descriptor)
                return
            }
            var failure: AtomicFileError?
            if fsync(descriptor) != 0 { failure = AtomicFileError(path: path, errno: errno) }
            if close(descriptor) != 0, failure == nil { failure = AtomicFileError(path: path, errno: errno) }
            if failure == nil, rename(temporary, path) != 0 { failure = AtomicFileError(path: path, errno: errno) }
            if failure != nil { unlink(temporary) }
            TemporaryFiles.forget(temporary)
            if let failure { throw failure }
        }

        /// Removes the temporary file; the destination is untouched.
        public func abort() {
            guard isOpen else { return }
            isOpen = false
            close(descriptor)
            if !direct {
                unlink(temporary)
                TemporaryFiles.forget(temporary)
            }
        }
    }

    /// Opens a new, exclusive `.<name>.tmp-<random>` beside `path`, with the
    /// name cut so the whole stays within `NAME_MAX` (255 bytes) for any legal
    /// destination name. Mode 0666 less the umask, as for any new file. The
    /// file is in ``TemporaryFiles`` before it exists, so an interrupted run
    /// can remove it whatever moment the signal arrives.
    private static func createTemporary(for path: String) throws(AtomicFileError) -> (Int32, String) {
        var name = Substring(fileName(of: path))
        // "." + name + ".tmp-" + at most 13 base-36 digits ≤ 255 bytes.
        while name.utf8.count > 255 - 19 { name.removeLast() }
        let prefix = directory(of: path) + "/." + name + ".tmp-"
        for _ in 0..<16 {
            let candidate = prefix + String(UInt64.random(in: .min ... .max), radix: 36)
            guard TemporaryFiles.remember(candidate) else { throw AtomicFileError(path: path, reason: "interrupted") }
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, candidate) }
            let code = errno
            TemporaryFiles.forget(candidate)
            if code != EEXIST { throw AtomicFileError(path: path, errno: code) }
        }
        throw AtomicFileError(path: path, reason: "cannot create a unique temporary file")
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(AtomicFileError) {
        var error: AtomicFileError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    error = AtomicFileError(path: path, errno: errno)
                    return
                }
                offset += written
            }
        }
        if let error { throw error }
    }
}

/// POSIX `write(2)`, out of reach of `AtomicFile.write` inside the enum.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
