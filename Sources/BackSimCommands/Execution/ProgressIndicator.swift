import Synchronization

/// A one-line progress display on standard error, for runs long enough to
/// wonder about.
///
/// Nothing appears during the first second (short runs stay silent), then
/// the line is redrawn at most ten times a second. Safe to update from the
/// simulator's worker threads.
final class ProgressIndicator: Sendable {
    static let delay = Duration.seconds(1)
    static let interval = Duration.milliseconds(100)

    private struct State {
        var lastDrawn: ContinuousClock.Instant?
        var width = 0
    }

    private let stream: StandardStream
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    init(stream: StandardStream = .error) {
        self.stream = stream
    }

    /// An indicator when one is wanted: not `quiet`, and standard error is a
    /// terminal (a log file would fill with carriage returns).
    static func make(quiet: Bool) -> ProgressIndicator? {
        !quiet && StandardStream.error.isTerminal ? ProgressIndicator() : nil
    }

    /// Reports `done` of `total` simulated persons (or other `units`, e.g. runs).
    func update(done: Int, total: Int, units: String = "persons") {
        let now = ContinuousClock.now
        guard now - start >= Self.delay else { return }
        state.withLock { state in
            if let last = state.lastDrawn, now - last < Self.interval, done < total { return }
            state.lastDrawn = now
            let percent = total > 0 ? done * 100 / total : 100
            let line = "Simulating: \(percent)% (\(done) of \(total) \(units))"
            stream.write("\r" + line + String(repeating: " ", count: max(0, state.width - line.count)))
            state.width = line.count
        }
    }

    /// Erases the line, if one was drawn, so that what follows starts clean.
    func finish() {
        state.withLock { state in
            guard state.width > 0 else { return }
            stream.write("\r" + String(repeating: " ", count: state.width) + "\r")
            state.width = 0
        }
    }
}
