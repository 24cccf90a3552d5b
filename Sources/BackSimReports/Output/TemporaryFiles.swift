#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Every temporary file ``AtomicFile`` has open in this process, so that an
/// interrupted run (SIGINT, SIGTERM) can remove them before it exits.
public enum TemporaryFiles {
    private struct State {
        var paths: Set<String> = []
        /// Set by ``removeAll()``: no temporary file may be created after it.
        var closed = false
    }

    private static let state = Mutex(State())

    /// Records `path` before it is created; false once the process is on
    /// its way out (the caller must then not create it).
    static func remember(_ path: String) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.paths.insert(path)
            return true
        }
    }

    static func forget(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// Removes every temporary file, refuses new ones from now on, and
    /// returns how many there were. Only for the way out of the process.
    @discardableResult
    public static func removeAll() -> Int {
        state.withLock { state in
            state.closed = true
            for path in state.paths { unlink(path) }
            defer { state.paths.removeAll() }
            return state.paths.count
        }
    }
}
