import Foundation
import Testing
@testable import BackSimCore

/// The tabulated logarithms are the libm calls' values, bit for bit, inside
/// the table and past its end.
@Suite struct CountLogarithmsTests {
    @Test("Tabulated log and log1p equal libm's for every count")
    func tableEqualsLibm() {
        for n in 0..<(CountLogarithms.size + 10) {
            #expect(CountLogarithms.log1p(of: n).bitPattern == log1p(Double(n)).bitPattern, "log1p(\(n))")
            if n >= 1 { #expect(CountLogarithms.log(of: n).bitPattern == log(Double(n)).bitPattern, "log(\(n))") }
        }
    }
}
