/// Which part of a run's work one shard of N does: a pure function of the
/// amount of work and N, never of the machine, the thread count or the
/// scheduler.
public enum ShardSplit {
    /// Items [⌊total·I/N⌋, ⌊total·(I+1)/N⌋) of `total` for shard `index` of
    /// `count`: contiguous, disjoint, covering 0..<total, sizes differing by
    /// at most one.
    ///
    /// - Precondition: 0 ≤ index < count, total ≥ 0.
    public static func items(total: Int, index: Int, count: Int) -> Range<Int> {
        precondition(count >= 1 && (0..<count).contains(index) && total >= 0)
        let lower = Int((Int128(total) * Int128(index)) / Int128(count))
        let upper = Int((Int128(total) * Int128(index + 1)) / Int128(count))
        return lower..<upper
    }

    /// The simulated persons (replication × persons + person) of shard
    /// `index` of `count`, split along ``Simulator/chunkSize`` boundaries so
    /// that the shards' per-person rows, concatenated in shard order, are the
    /// single run's rows in its order.
    public static func persons(total: Int, index: Int, count: Int) -> Range<Int> {
        let chunks = (total + Simulator.chunkSize - 1) / Simulator.chunkSize
        let range = items(total: chunks, index: index, count: count)
        return min(range.lowerBound * Simulator.chunkSize, total)..<min(range.upperBound * Simulator.chunkSize, total)
    }
}
