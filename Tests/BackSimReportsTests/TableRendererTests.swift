import BackSimCore
import Testing

@testable import BackSimReports

@Suite struct TableRendererTests {
    @Test(arguments: [
        (1, [0, 1]), (4, [0, 4]), (6, [0, 6]), (12, [0, 6, 12]), (20, [0, 6, 12, 20]), (26, [0, 6, 12, 26]),
        (52, [0, 6, 12, 26, 52]),
    ])
    func reportedWeeks(horizon: Int, weeks: [Int]) {
        #expect(TableRenderer.reportedWeeks(horizon: horizon) == weeks)
    }

    @Test func showsTitlePoliciesAndWeeks() throws {
        let text = TableRenderer.render(try Fixtures.smallRun(threads: 2))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "BackSim: cohort mixed, 200 persons × 1 replication, 4 weeks, seed 7")
        for policy in Fixtures.policies { #expect(lines.contains(policy)) }
        let header = "  Week  Pain (NRS 0-10)  95% CI        Change (NRS)  Disability (0-100)  Adherence (%)  Retention (%)  Flare-ups/person"
        #expect(lines.filter { $0 == header }.count == 2)

        let rows = lines.filter { $0.hasPrefix("     0 ") || $0.hasPrefix("     4 ") }
        #expect(rows.count == 4, "weeks 0 and 4 for each policy")
        // Control prescribes nothing: adherence is undefined; everyone is retained.
        let controlRow = try #require(rows.first)
        #expect(controlRow.contains("–"))
        #expect(controlRow.hasSuffix("100.0              0.00"))
        #expect(controlRow.contains(" 0.00 "), "no change at baseline")
        // Columns line up: every row is as long as the header, or shorter only by trailing cells.
        for row in rows { #expect(row.count == header.count, "\(row)") }
        #expect(!text.contains("nan"))
        #expect(text.hasSuffix("\n"))
    }
}
