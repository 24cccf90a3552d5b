import BackSimCore
import Testing

@testable import BackSimReports

@Suite struct CSVRendererTests {
    @Test func headerAndRowOrder() throws {
        let result = try Fixtures.smallRun(threads: 2)
        let lines = CSVRenderer.render(result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "policy,week,metric,stat,value")
        #expect(lines.last == "", "the last row ends with a newline")

        var expected: [String] = []
        for policy in Fixtures.policies {
            for week in 0...4 {
                for metric in Metric.all.map(\.name) + SurvivalMetric.allCases.map(\.rawValue) {
                    for stat in Summary.stats { expected.append("\(policy),\(week),\(metric),\(stat.name)") }
                }
            }
        }
        let keys = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") }
        #expect(keys == expected)
    }

    @Test func numbersAreShortestAndUndefinedIsEmpty() throws {
        let result = try Fixtures.smallRun(threads: 2)
        let rows = CSVRenderer.render(result).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        for row in rows {
            #expect(row.count == 5)
            let value = row[4]
            #expect(!value.lowercased().contains("nan") && !value.contains("inf"))
            if value.isEmpty { continue }
            #expect(!value.hasSuffix(".0"), "\(row)")
            #expect(Double(value) != nil, "\(row)")
            if row[3] == "n" { #expect(Int(value) != nil, "n is a whole number: \(row)") }
        }
        // Every n is present, even with no observations.
        #expect(rows.filter { $0[3] == "n" }.allSatisfy { !$0[4].isEmpty })

        // Control prescribes nothing, so adherence is never observed: n = 0, the rest empty.
        let adherence = rows.filter { $0[0] == "control" && $0[2] == "adherence" }
        #expect(!adherence.isEmpty)
        for row in adherence { #expect(row[4] == (row[3] == "n" ? "0" : ""), "\(row)") }

        // Baseline pain: 200 persons, whole NRS scores, so integral quantiles print without a point.
        let baseline = rows.filter { $0[0] == "control" && $0[1] == "0" && $0[2] == "pain" }
        #expect(baseline.first { $0[3] == "n" }?[4] == "200")
        #expect(baseline.first { $0[3] == "p50" }.map { !$0[4].contains(".") } == true)
    }

    @Test func identicalForAnyThreadCount() throws {
        #expect(CSVRenderer.render(try Fixtures.smallRun(threads: 1)) == CSVRenderer.render(try Fixtures.smallRun(threads: 2)))
    }

    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVRenderer.field("percent:20") == "percent:20")
        #expect(CSVRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
