import Stochastics
import Testing

struct PairedProportionTests {
    /// Newcombe 1998's first worked example, a = 36, b = 12, c = 2, d = 0:
    /// θ = 0.2 with the method 10 interval 0.0569 to 0.3404. The paper itself
    /// was not readable here: the figures are those quoted from its Table III
    /// in a third-party test fixture, and were re-derived independently with
    /// scipy (0.0569296, 0.3404276; script in the commit message).
    @Test("Newcombe 1998 example (36, 12, 2, 0)")
    func newcombeExample() throws {
        let table = PairedProportion(bothYes: 36, comparatorOnly: 12, referenceOnly: 2, neither: 0)
        #expect(table.riskDifference == 0.2)
        let interval = try #require(table.interval())
        #expect(abs(interval.low - 0.0569296) < 5e-7)
        #expect(abs(interval.high - 0.3404276) < 5e-7)
        #expect(table.discordant == 14)
        #expect(table.riskRatio == 48.0 / 38.0)
    }

    /// Fagerland, Lydersen & Laake (2017), Cavo 2012 data (59, 6, 16, 80):
    /// −0.0621 (−0.1186 to −0.0046) by Newcombe's square-and-add (method 10),
    /// as the contingencytables R package's tests print it.
    @Test("Cavo 2012 example from Fagerland et al.")
    func cavoExample() throws {
        let table = PairedProportion(bothYes: 59, comparatorOnly: 6, referenceOnly: 16, neither: 80)
        let interval = try #require(table.interval())
        #expect(abs(try #require(table.riskDifference) - -0.0621) < 5e-5)
        #expect(abs(interval.low - -0.1186) < 5e-5)
        #expect(abs(interval.high - -0.0046) < 5e-5)
    }

    /// Edges: no discordant pairs give a symmetric interval around 0 that
    /// does not collapse (scipy: ±0.1665932 for 5, 0, 0, 5); a zero margin
    /// sets φ = 0 (0, 0, 0, 10: ±0.2775328); a negative ad − bc is used as is
    /// (1, 1, 7, 12: −0.5069202 to −0.0255591).
    @Test("Edges: no discordant pairs, empty margins, negative correlation")
    func edges() throws {
        func check(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64, _ low: Double, _ high: Double) throws {
            let interval = try #require(PairedProportion(bothYes: a, comparatorOnly: b, referenceOnly: c, neither: d).interval())
            #expect(abs(interval.low - low) < 5e-7 && abs(interval.high - high) < 5e-7, "\(a) \(b) \(c) \(d): \(interval)")
        }
        try check(5, 0, 0, 5, -0.1665932, 0.1665932)
        try check(0, 0, 0, 10, -0.2775328, 0.2775328)
        try check(1, 1, 7, 12, -0.5069202, -0.0255591)
        try check(1000, 37, 80, 883, -0.0320845, -0.0108966)
        let empty = PairedProportion(bothYes: 0, comparatorOnly: 0, referenceOnly: 0, neither: 0)
        #expect(empty.interval() == nil && empty.riskDifference == nil && empty.standardError == nil)
        #expect(PairedProportion(bothYes: 0, comparatorOnly: 3, referenceOnly: 0, neither: 7).riskRatio == nil)
    }

    /// se = √(b + c − (b − c)²/n)/n: 10, 15, 5, 20 → √(20 − 2)/50.
    @Test("Standard error of the paired difference")
    func standardError() throws {
        let table = PairedProportion(bothYes: 10, comparatorOnly: 15, referenceOnly: 5, neither: 20)
        #expect(abs(try #require(table.standardError) - 18.0.squareRoot() / 50) < 1e-15)
    }
}
