import BackSimCore
import Synchronization

/// Streams `--per-person` rows to a file as the run produces them, in a
/// fixed order (replication, person, policy, week) whatever the thread count,
/// holding at most the chunks that finished ahead of their turn (fewer than
/// the number of threads). Published whole or not at all.
///
/// Columns: `replication,person,profile,policy,week,pain,disability,
/// sessions_prescribed,sessions_done,load,in_programme,flare_up`, then the
/// three versions (``ToolInfo/csvVersionHeader``), constant on every row so
/// that a row keeps its provenance when files are concatenated.
public final class PerPersonWriter: PersonWeekSink, Sendable {
    /// The CSV header row.
    public static let header =
        "replication,person,profile,policy,week,pain,disability,sessions_prescribed,sessions_done,load,in_programme,flare_up,"
        + ToolInfo.csvVersionHeader

    private struct State {
        var stream: AtomicFile.Stream?
        var nextChunk = 0
        var pending: [Int: [UInt8]] = [:]
    }

    private let state: Mutex<State>
    private let profiles: [String]
    private let policies: [String]

    /// Starts a per-person file at `path`, naming profiles and policies by index.
    public init(path: String, profiles: [String], policies: [String]) throws(AtomicFileError) {
        let stream = try AtomicFile.Stream(path: path)
        try stream.append(Array((Self.header + "\n").utf8))
        state = Mutex(State(stream: stream))
        self.profiles = profiles
        self.policies = policies
    }

    public func write(chunk: Int, records: [PersonWeekRecord]) throws {
        let bytes = format(records)
        try state.withLock { (state: inout State) throws(AtomicFileError) in
            state.pending[chunk] = bytes
            while let ready = state.pending.removeValue(forKey: state.nextChunk) {
                try state.stream?.append(ready)
                state.nextChunk += 1
            }
        }
    }

    public func finish() throws {
        try state.withLock { (state: inout State) throws(AtomicFileError) in
            try state.stream?.commit()
            state.stream = nil
        }
    }

    /// Removes the partial file (after a failed run).
    public func abort() {
        state.withLock { state in
            state.stream?.abort()
            state.stream = nil
        }
    }

    private let versions = ToolInfo.csvVersionValues + "\n"

    private func format(_ records: [PersonWeekRecord]) -> [UInt8] {
        var text = ""
        text.reserveCapacity(records.count * 48)
        for r in records {
            text += "\(r.replication),\(r.person),\(profiles[r.profile]),\(policies[r.policy]),\(r.week),\(r.pain),"
            text += "\(r.disability),\(r.sessionsPrescribed),\(r.sessionsDone),\(NumberText.shortest(r.load)),"
            text += r.inProgramme ? "1," : "0,"
            text += r.flareUp ? "1," : "0,"
            text += versions
        }
        return Array(text.utf8)
    }
}
