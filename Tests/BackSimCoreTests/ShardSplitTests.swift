import BackSimCore
import Testing

@Suite struct ShardSplitTests {
    @Test("Shards are contiguous, disjoint, cover all items, and differ in size by at most one", arguments: [1, 2, 3, 7, 64])
    func items(n: Int) {
        for total in [0, 1, 5, 7, 100, 1_001] {
            let ranges = (0..<n).map { ShardSplit.items(total: total, index: $0, count: n) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            let sizes = ranges.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1)
        }
    }

    @Test("Persons split on chunk boundaries, so per-person rows concatenate in the single run's order", arguments: [1, 2, 3, 7])
    func persons(n: Int) {
        for total in [1, 63, 64, 65, 300, 2_000] {
            let ranges = (0..<n).map { ShardSplit.persons(total: total, index: $0, count: n) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            for (a, b) in zip(ranges, ranges.dropFirst()) {
                #expect(a.upperBound == b.lowerBound)
                #expect(b.lowerBound % Simulator.chunkSize == 0 || b.lowerBound == total)
            }
        }
    }
}
