import Testing

@testable import BackSimReports

@Suite struct NumberTextTests {
    @Test(arguments: [
        (5.0, "5"), (2000.0, "2000"), (0.1, "0.1"), (2.3456, "2.3456"), (-0.0, "0"), (-1.5, "-1.5"),
        (1.0 / 3, "0.3333333333333333"), (1e20, "1e+20"), (1e-7, "1e-07"),
    ])
    func shortestRoundTrip(value: Double, text: String) {
        #expect(NumberText.shortest(value) == text)
        #expect(Double(NumberText.shortest(value)) == value)
    }

    @Test func fixedNeverShowsNegativeZero() {
        #expect(NumberText.fixed(-0.001, digits: 2) == "0.00")
        #expect(NumberText.fixed(-0.006, digits: 2) == "-0.01")
        #expect(NumberText.signed(0.004, digits: 2) == "0.00")
        #expect(NumberText.signed(1.234, digits: 2) == "+1.23")
        #expect(NumberText.signed(-1.234, digits: 2) == "-1.23")
    }
}
