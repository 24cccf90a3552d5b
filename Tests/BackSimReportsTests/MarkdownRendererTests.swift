import BackSimCore
import BackSimReports
import BackSimTestSupport
import Testing

@Suite struct MarkdownRendererTests {
    @Test func hasEverySectionAndWellFormedTables() throws {
        let result = try Runs.compare(cohort: "chronic", policies: ["control", "guideline"], persons: 200, weeks: 6, seed: 4)
        let text = MarkdownRenderer.render(result, reference: "control")
        for heading in ["# BackSim: chronic", "## Outcomes by policy", "## Compared with control", "## Retention and time to response"] {
            #expect(text.contains("\n\(heading)") || text.hasPrefix(heading), "\(heading)")
        }
        // Every table row has as many cells as its header.
        var columns: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
        #expect(text.contains("| guideline | 6 | pain | -"))
        #expect(!text.contains("nan"))
    }
}
