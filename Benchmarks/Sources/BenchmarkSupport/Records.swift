import Foundation

/// The suite's own record of what it measured, one JSON object per line,
/// appended to the file named by `BACKSIM_BENCH_LOG` (set by `run.sh`);
/// nothing is written when it is unset. `backsim-bench-summary` reads it.
///
/// ordo-one/benchmark prints and stores its own statistics; these records
/// add what its metrics cannot carry (person-weeks, draw counts, the
/// configuration of each run) so that derived figures — floor ratio, thread
/// speed-up, the linear fit — come from the same iterations.
public enum Records {
    public static let path: String? = ProcessInfo.processInfo.environment["BACKSIM_BENCH_LOG"]

    /// Appends `{"benchmark": name, <fields>}`.
    public static func append(_ name: String, _ fields: [String: Double]) {
        guard let path else { return }
        var object: [String: Any] = ["benchmark": name]
        for (key, value) in fields { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        let line = data + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: line)
    }
}

/// Seconds taken by `body`, by the monotonic clock.
@inline(never)
public func seconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Peak resident memory of this process so far, bytes (getrusage).
public func peakResidentBytes() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) * 1024  // Linux reports KiB
}
