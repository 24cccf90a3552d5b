import Testing
@testable import BackSimStudies

@Suite struct ValueRangeTests {
    @Test func stepSizeWithBothEndsIncluded() throws {
        #expect(try ValueRange(parsing: "5:30:5").values == [5, 10, 15, 20, 25, 30])
        #expect(try ValueRange(parsing: "-4.6:-3.2:0.7").values == [-4.6, -3.9, -3.2])
    }

    @Test func lastValueBelowToWhenNotWholeSteps() throws {
        #expect(try ValueRange(parsing: "5:12:5").values == [5, 10])
    }

    @Test func decimalStepsAreExactDecimals() throws {
        let range = try ValueRange(parsing: "0:1:0.1")
        #expect(range.values.count == 11)
        #expect(range.values[3] == 0.3)
        #expect(range.values.last == 1)
        #expect(try ValueRange(parsing: "0.05:0.25:0.05").values == [0.05, 0.1, 0.15, 0.2, 0.25])
    }

    @Test func oneNumberIsOneValue() throws {
        #expect(try ValueRange(parsing: "7").values == [7])
        #expect(try ValueRange(parsing: "3:3:1").values == [3])
    }

    @Test func refusalsSayWhatToWrite() {
        #expect(throws: ValueRangeError.syntax("1:2")) { try ValueRange(parsing: "1:2") }
        #expect(throws: ValueRangeError.step("1:5:0")) { try ValueRange(parsing: "1:5:0") }
        #expect(throws: ValueRangeError.step("1:5:-1")) { try ValueRange(parsing: "1:5:-1") }
        #expect(throws: ValueRangeError.descending("5:1:1")) { try ValueRange(parsing: "5:1:1") }
        #expect(throws: ValueRangeError.notANumber("a:5:1", part: "a")) { try ValueRange(parsing: "a:5:1") }
        #expect(throws: ValueRangeError.tooMany("0:1:0.00001", count: 100_001)) { try ValueRange(parsing: "0:1:0.00001") }
        #expect(ValueRangeError.step("1:5:0").description
            == "'1:5:0': STEP must be above 0 (it is a step size, e.g. 5:30:5 for 5, 10, …, 30)")
    }
}
