import Stochastics
import Testing

struct StatisticsErrorTests {
    @Test("Descriptions name the problem and the offending value")
    func descriptions() {
        #expect(StatisticsError.empty.description == "no observations")
        #expect(StatisticsError.tooFewValues(minimum: 2, count: 1).description
            == "needs at least 2 observations, got 1")
        #expect(StatisticsError.invalidProbability(1.5).description.contains("1.5"))
        #expect(StatisticsError.invalidDegreesOfFreedom(-3).description.contains("-3"))
        #expect(StatisticsError.notANumber.description.contains("NaN"))
    }
}
