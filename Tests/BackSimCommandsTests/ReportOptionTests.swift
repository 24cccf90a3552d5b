import Foundation
import Testing

@testable import BackSimCommands

/// `--outcomes`, the scenario's `report.outcomes`, `--charts DIR` and `--by supervised`.
@Suite struct ReportOptionTests {
    static let small = ["--persons", "40", "--weeks", "3", "--seed", "7", "--threads", "1", "--quiet"]

    @Test func outcomesPickWhatTheTableCompares() throws {
        let table = try InProcess.output(
            ["compare", "--cohort", "chronic", "--policies", "control,guideline", "--outcomes", "referred,load"] + Self.small)
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("  guideline ") }
        #expect(rows.contains { $0.contains(" referred ") } && rows.contains { $0.contains(" load ") })
        #expect(!rows.contains { $0.contains(" pain ") || $0.contains(" retention ") })
    }

    @Test func theScenariosReportOutcomesAreUsedAndCSVKeepsEverything() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/older-adults-home-or-supervised.yaml").path
        let markdown = try InProcess.output(["compare", file, "--format", "markdown"] + Self.small + ["--weeks", "6"])
        #expect(markdown.contains("| percent:5 | 6 | adherence |"))
        #expect(!markdown.contains("| percent:5 | 6 | referred |"))
        let csv = try InProcess.output(["compare", file, "--format", "csv", "--by", "profile"] + Self.small)
        #expect(csv.hasPrefix("policy,group,week,metric,stat,value\n"))
        #expect(csv.contains("\npercent:5,supervised,3,referred,mean,"))
    }

    @Test func unknownOutcomesAreNamedWithASuggestion() throws {
        let outcome = try Backsim.run(["compare", "--outcomes", "pain,retension"] + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("Error: --outcomes: unknown outcome 'retension'; did you mean 'retention'?"))
    }

    @Test func chartsDirectoryGetsOneSVGPerChart() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.path + "/figures/new"
        _ = try InProcess.output(
            ["compare", "--cohort", "chronic", "--policies", "control,guideline,percent:5", "--reference", "guideline",
             "--by", "supervised", "--charts", directory] + Self.small)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.contains("pain.svg") && files.contains("retention-differences.svg") && files.contains("subgroups-pain.svg"))
        #expect(files.allSatisfy { $0.hasSuffix(".svg") })
        let svg = try String(contentsOfFile: directory + "/subgroups-retention.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">home<") && svg.contains(">supervised<"))
    }
}
