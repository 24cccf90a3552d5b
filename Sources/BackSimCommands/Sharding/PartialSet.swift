/// The partial files of one run, checked against each other.
struct PartialSet {
    /// Sorted by shard index, one per index.
    let parts: [PartialFile]
    let count: Int
    /// Indices with no file.
    let missing: [Int]

    /// Refuses parts that belong to different runs (any shared field
    /// differs: versions, command and result-changing arguments, scenario
    /// hash, seed, N) and duplicate indices.
    init(_ files: [PartialFile]) throws(ShardFailure) {
        guard let first = files.first else {
            throw ShardFailure(status: .usage, message: "no partial result files given")
        }
        for file in files.dropFirst() {
            for key in PartialFile.sharedFields where file.fields[key] != first.fields[key] {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(file.path): \(key) '\(file.fields[key] ?? "")' differs from '\(first.fields[key] ?? "")' in "
                        + "\(first.path); these are shards of different runs and cannot be merged")
            }
        }
        var byIndex: [Int: PartialFile] = [:]
        for file in files {
            if let other = byIndex[file.index] {
                throw ShardFailure(
                    status: .dataError,
                    message: "shard \(file.index) of \(first.count) given twice: \(other.path) and \(file.path); give each shard once")
            }
            byIndex[file.index] = file
        }
        count = first.count
        parts = byIndex.keys.sorted().map { byIndex[$0]! }
        missing = (0..<count).filter { byIndex[$0] == nil }
    }

    /// `--array=3,7` (ranges as 3-5) for a scheduler's resubmission.
    static func arraySpec(_ indices: [Int]) -> String {
        var pieces: [String] = []
        var start: Int?, previous: Int?
        for index in indices + [Int.min] {
            if let p = previous, index == p + 1 { previous = index; continue }
            if let s = start, let p = previous { pieces.append(s == p ? "\(s)" : "\(s)-\(p)") }
            start = index
            previous = index
        }
        return "--array=" + pieces.joined(separator: ",")
    }

    /// Throws unless every shard is present.
    func requireComplete() throws(ShardFailure) {
        guard missing.isEmpty else {
            throw ShardFailure(
                status: .dataError,
                message: "missing shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(count); "
                    + "run \(missing.count == 1 ? "it" : "them") (resubmit with \(Self.arraySpec(missing))) and merge again")
        }
    }
}
