import Foundation

/// log(n) and log(1 + n) of the week counts the engine takes logarithms of
/// (the adherence habit's streak, the dropout hazard's programme week),
/// tabulated once per process.
///
/// Each entry is the libm function's own value for that argument, so a
/// lookup gives exactly what the call gives (tested); counts beyond the
/// table fall back to the call.
enum CountLogarithms {
    static let size = 1_024
    private static let log1pTable: [Double] = (0..<size).map { Foundation.log1p(Double($0)) }
    private static let logTable: [Double] = (0..<size).map { $0 == 0 ? -.infinity : Foundation.log(Double($0)) }

    /// log(1 + n) for n ≥ 0.
    @inline(__always)
    static func log1p(of n: Int) -> Double {
        n < size ? log1pTable.withUnsafeBufferPointer { $0[n] } : Foundation.log1p(Double(n))
    }

    /// log(n) for n ≥ 1.
    @inline(__always)
    static func log(of n: Int) -> Double {
        n < size ? logTable.withUnsafeBufferPointer { $0[n] } : Foundation.log(Double(n))
    }
}
