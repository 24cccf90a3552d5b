#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BackSimReports
import Foundation

/// SIGINT (Ctrl-C) and SIGTERM (a scheduler's kill) end a run cleanly: every
/// temporary file of the run is removed and the process exits 130 or 143
/// (128 + the signal's number, as a shell reports it).
enum Interruption {
    /// Blocks both signals in this thread, and so in every thread it starts
    /// later, and waits for them on a thread of its own, where removing files
    /// and taking locks is safe (a signal handler could do neither).
    /// Call first thing in the process, before any other thread exists.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waited = signals
        let thread = Thread {
            var signals = waited
            var number: Int32 = 0
            guard sigwait(&signals, &number) == 0 else { return }
            let removed = TemporaryFiles.removeAll()
            let name = number == SIGINT ? "SIGINT" : "SIGTERM"
            let files = removed == 0 ? "" : "; removed \(removed) temporary file\(removed == 1 ? "" : "s")"
            StandardStream.error.write("Interrupted by \(name)\(files).\n")
            _exit(128 + number)
        }
        thread.start()
    }
}
