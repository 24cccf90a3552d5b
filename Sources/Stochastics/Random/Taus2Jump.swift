/// Several steps of ``Taus2`` at once, for skipping a week's unneeded values.
///
/// Each of taus2's three components steps by a map that is linear over
/// GF(2) (shifts, masks and exclusive ors of its 32 bits), so seven steps
/// of a component are a 32 × 32 bit matrix (four steps another). It is applied a
/// byte at a time: four tables of 256 words per component (12 KB per step
/// count), each entry the image of one byte value in one byte position. The
/// result is exactly the state that many calls of ``Taus2/next()`` leave
/// (tested on random states).
public enum Taus2Jump {
    /// The tables: component c, byte position b, byte value x at
    /// `c * 1024 + b * 256 + x`.
    nonisolated(unsafe) public static let sevenStepTables: UnsafePointer<UInt32> = tables(steps: 7)

    /// The same for four steps (a week of three sessions skips four values
    /// per slot purpose).
    nonisolated(unsafe) public static let fourStepTables: UnsafePointer<UInt32> = tables(steps: 4)

    static func tables(steps: Int) -> UnsafePointer<UInt32> {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 3 * 4 * 256)
        for component in 0..<3 {
            // The image of each basis bit after seven steps.
            var column = [UInt32](repeating: 0, count: 32)
            for bit in 0..<32 {
                var s = UInt32(1) << bit
                for _ in 0..<steps { s = step(component, s) }
                column[bit] = s
            }
            for position in 0..<4 {
                for value in 0..<256 {
                    var image: UInt32 = 0
                    for bit in 0..<8 where value & (1 << bit) != 0 { image ^= column[8 * position + bit] }
                    table[component * 1024 + position * 256 + value] = image
                }
            }
        }
        return UnsafePointer(table)
    }

    /// One step of component `component` (0, 1, 2 for s1, s2, s3).
    static func step(_ component: Int, _ s: UInt32) -> UInt32 {
        switch component {
        case 0: Taus2.step1(s)
        case 1: Taus2.step2(s)
        default: Taus2.step3(s)
        }
    }

    /// `generator` moved on by the steps `tables` were built for
    /// (``sevenStepTables``, ``fourStepTables``).
    @inlinable @inline(__always)
    public static func jump(_ generator: inout Taus2, tables: UnsafePointer<UInt32>) {
        generator.s1 = apply(tables, generator.s1)
        generator.s2 = apply(tables + 1024, generator.s2)
        generator.s3 = apply(tables + 2048, generator.s3)
    }

    @inlinable @inline(__always)
    static func apply(_ table: UnsafePointer<UInt32>, _ s: UInt32) -> UInt32 {
        table[Int(s & 0xFF)] ^ table[256 + Int((s >> 8) & 0xFF)]
            ^ table[512 + Int((s >> 16) & 0xFF)] ^ table[768 + Int(s >> 24)]
    }
}
