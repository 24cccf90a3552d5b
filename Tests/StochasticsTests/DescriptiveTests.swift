import Foundation
import Stochastics
import Testing

struct DescriptiveTests {
    struct NISTCase: Sendable, CustomTestStringConvertible {
        let name: String
        let data: [Double]
        let certified: NISTStRD.Certified
        var testDescription: String { name }
    }

    static let nistCases: [NISTCase] = [
        NISTCase(name: "Lew", data: NISTStRD.lew, certified: NISTStRD.lewCertified),
        NISTCase(name: "Lottery", data: NISTStRD.lottery, certified: NISTStRD.lotteryCertified),
        NISTCase(name: "Mavro", data: NISTStRD.mavro, certified: NISTStRD.mavroCertified),
        NISTCase(name: "Michelso", data: NISTStRD.michelso, certified: NISTStRD.michelsoCertified),
        NISTCase(name: "NumAcc1", data: NISTStRD.numAcc1, certified: NISTStRD.numAcc1Certified),
        NISTCase(name: "NumAcc2", data: NISTStRD.numAcc2, certified: NISTStRD.numAcc2Certified),
        NISTCase(name: "NumAcc3", data: NISTStRD.numAcc3, certified: NISTStRD.numAcc3Certified),
        NISTCase(name: "NumAcc4", data: NISTStRD.numAcc4, certified: NISTStRD.numAcc4Certified),
    ]

    /// The tolerance is the certified digits, widened only by what binary
    /// floating point forces on *any* implementation:
    /// - half a unit in the 15th significant digit (certified values are
    ///   rounded to 15 digits);
    /// - the data's own representation error: a decimal like 10000000.1 is
    ///   stored with an error up to half an ulp, which moves the mean by at most
    ///   that and the standard deviation by at most √(n/(n−1)) times that
    ///   (this is what limits NumAcc3/4 to about 9 and 8 correct digits);
    /// - four ulps of the result for the final roundings.
    @Test("NIST StRD certified mean and sample SD", arguments: nistCases)
    func nistCertifiedValues(_ test: NISTCase) throws {
        let n = Double(test.data.count)
        let representation = test.data.map { $0.ulp / 2 }.max()!
        func tolerance(_ certified: Double, dataBound: Double) -> Double {
            let halfUnitIn15thDigit = 0.5 * pow(10, floor(log10(abs(certified))) - 14)
            return halfUnitIn15thDigit + dataBound + 4 * certified.ulp
        }

        let mean = try Descriptive.mean(test.data)
        #expect(isClose(mean, test.certified.mean,
                        within: tolerance(test.certified.mean, dataBound: representation)))

        let sd = try Descriptive.standardDeviation(test.data)
        let sdBound = representation * (n / (n - 1)).squareRoot()
        #expect(isClose(sd, test.certified.standardDeviation,
                        within: tolerance(test.certified.standardDeviation, dataBound: sdBound)))

        let variance = try Descriptive.variance(test.data)
        #expect(isClose(variance, sd * sd, within: 4 * variance.ulp))
    }

    @Test("NumAcc1 is exact: mean 10000002, SD 1")
    func numAcc1IsExact() throws {
        // Integers below 2^53 and an exactly representable answer: nothing to round.
        #expect(try Descriptive.mean(NISTStRD.numAcc1) == 10000002)
        #expect(try Descriptive.standardDeviation(NISTStRD.numAcc1) == 1)
    }

    @Test("Sample variance uses the n − 1 divisor")
    func sampleVariance() throws {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, so s² = 32/7 (the
        // population variance would be 4).
        let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(try Descriptive.mean(xs) == 5)
        #expect(isClose(try Descriptive.variance(xs), 32.0 / 7, within: 1e-15))
        #expect(isClose(try Descriptive.standardDeviation(xs), (32.0 / 7).squareRoot(), within: 1e-15))
    }

    /// R 4.x: `quantile(1:10)` prints 1, 3.25, 5.5, 7.75, 10 for 0, 25, 50,
    /// 75, 100%, and `quantile(1:10, c(0.1, 0.9))` 1.9 and 9.1 (type 7, the
    /// default; Hyndman & Fan 1996). Dyadic cases are exact in binary.
    @Test("R quantile type 7 on 1:10", arguments: [
        (0.0, 1.0), (0.25, 3.25), (0.5, 5.5), (0.75, 7.75), (1.0, 10.0),
    ])
    func rQuantilesExact(p: Double, expected: Double) throws {
        let xs: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        #expect(try Descriptive.quantile(xs, p) == expected)
    }

    @Test("R quantile type 7, non-dyadic p and unsorted input")
    func rQuantilesInexact() throws {
        let xs: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        #expect(isClose(try Descriptive.quantile(xs, 0.1), 1.9, within: 1e-14))
        #expect(isClose(try Descriptive.quantile(xs, 0.9), 9.1, within: 1e-14))
        // R: quantile(c(7, 1, 5, 3), 0.25) is 2.5 (h = 0.75 between 1 and 3).
        #expect(try Descriptive.quantile([7, 1, 5, 3], 0.25) == 2.5)
        // R: quantile(c(3, 1, 2), 0.5) is 2, an order statistic, not a mean.
        #expect(try Descriptive.quantile([3, 1, 2], 0.5) == 2)
    }

    @Test("Empty input throws .empty everywhere")
    func emptyThrows() {
        #expect(throws: StatisticsError.empty) { try Descriptive.mean([]) }
        #expect(throws: StatisticsError.empty) { try Descriptive.variance([]) }
        #expect(throws: StatisticsError.empty) { try Descriptive.standardDeviation([]) }
        #expect(throws: StatisticsError.empty) { try Descriptive.quantile([], 0.5) }
    }

    @Test("One value: mean and quantiles are that value; variance is undefined")
    func singleValue() throws {
        #expect(try Descriptive.mean([4.5]) == 4.5)
        for p in [0, 0.25, 0.5, 0.75, 1] {
            #expect(try Descriptive.quantile([4.5], p) == 4.5)
        }
        #expect(throws: StatisticsError.tooFewValues(minimum: 2, count: 1)) { try Descriptive.variance([4.5]) }
        #expect(throws: StatisticsError.tooFewValues(minimum: 2, count: 1)) {
            try Descriptive.standardDeviation([4.5])
        }
    }

    @Test("All values equal: zero spread, every quantile is the value")
    func allEqual() throws {
        let xs = [Double](repeating: 7, count: 25)
        #expect(try Descriptive.mean(xs) == 7)
        #expect(try Descriptive.variance(xs) == 0)
        #expect(try Descriptive.standardDeviation(xs) == 0)
        for p in [0, 0.1, 0.5, 0.9, 1] {
            #expect(try Descriptive.quantile(xs, p) == 7)
        }
    }

    @Test("Quantile rejects p outside [0, 1], NaN p, and NaN data")
    func quantileRejectsBadInput() {
        #expect(throws: StatisticsError.invalidProbability(-0.1)) { try Descriptive.quantile([1, 2], -0.1) }
        #expect(throws: StatisticsError.invalidProbability(1.5)) { try Descriptive.quantile([1, 2], 1.5) }
        // NaN ≠ NaN, so match the case rather than compare payloads.
        #expect {
            try Descriptive.quantile([1, 2], .nan)
        } throws: { error in
            guard case let .invalidProbability(p) = error as? StatisticsError else { return false }
            return p.isNaN
        }
        #expect(throws: StatisticsError.notANumber) { try Descriptive.quantile([1, .nan, 2], 0.5) }
    }

    @Test("Quantile leaves its input untouched")
    func quantileDoesNotSortInPlace() throws {
        let xs: [Double] = [3, 1, 2]
        _ = try Descriptive.quantile(xs, 0.5)
        #expect(xs == [3, 1, 2])
    }
}
