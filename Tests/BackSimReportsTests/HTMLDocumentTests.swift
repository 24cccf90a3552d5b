import Testing

@testable import BackSimReports

@Suite struct HTMLDocumentTests {
    static func samplePage() -> HTMLDocument {
        var table = HTMLTable(
            caption: "Pain at week 12 <NRS>",
            columns: [HTMLTable.Column("Policy"), HTMLTable.Column("Mean", alignment: .numeric),
                      HTMLTable.Column("95% CI", alignment: .numeric)])
        for (index, policy) in ChartSamples.policies.enumerated() {
            table.append([policy, String(format: "%.2f", 5.6 - 0.1 * Double(index)), "–"])
        }
        return HTMLDocument(
            title: "BackSim report: chronic & <persistent>", subtitle: "seed 1, 2,000 persons",
            sections: [
                HTMLDocument.Section("Pain and disability", anchor: "pain", blocks: [
                    .paragraph("Mean reported pain by week under each policy."),
                    .chart(ChartSamples.lineChart, caption: "Shaded: 95% Monte Carlo interval of the mean."),
                    .table(table),
                ]),
                HTMLDocument.Section("Retention", anchor: "retention", blocks: [.chart(ChartSamples.stepChart)]),
                HTMLDocument.Section("Responders", blocks: [.chart(ChartSamples.proportionChart)]),
                HTMLDocument.Section("Paired differences", blocks: [
                    .chart(ChartSamples.dotWhiskerChart),
                    .note("Differences are paired: the same simulated people under both policies."),
                ]),
            ])
    }

    @Test func wellFormedSelfContainedPage() throws {
        let html = Self.samplePage().render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        let root = try XMLTree.parse(html).root
        #expect(root.name == "html" && root.attributes["lang"] == "en")
        let metas = root.all("meta")
        #expect(metas.contains { $0.attributes["charset"] == "utf-8" })
        #expect(metas.contains { $0.attributes["content"] == HTMLDocument.contentSecurityPolicy })
        #expect(root.all("title").first?.allText == "BackSim report: chronic & <persistent>")
        #expect(root.all("h1").first?.allText == "BackSim report: chronic & <persistent>")
        #expect(root.all("h2").map(\.allText) == ["Pain and disability", "Retention", "Responders", "Paired differences"])
        #expect(root.all("section").compactMap { $0.attributes["id"] } == ["pain", "retention"])
        // One figure per chart, each holding its svg.
        let figures = root.all("figure", class: "chart")
        #expect(figures.map { $0.attributes["data-chart-id"] } == ["pain-trajectories", "retention", "responders", "paired-differences"])
        #expect(figures.allSatisfy { $0.all("svg").count == 1 })
        #expect(figures.first?.all("figcaption").first?.allText == "Shaded: 95% Monte Carlo interval of the mean.")
        // The table: a header and one row per policy; numbers right-aligned.
        let table = try #require(root.all("table").first)
        #expect(table.all("th").count == 3 && table.all("tr").count == 12)
        #expect(table.all("td", class: "num").count == 22)
        // Nothing to fetch: no scripts, links, external images or fonts.
        #expect(root.all("script").isEmpty && root.all("link").isEmpty && root.all("img").isEmpty)
        for bad in ["src=", "href=", "@import", "@font-face", "url(http"] {
            #expect(!html.contains(bad), "page contains \(bad)")
        }
        #expect(root.all("style").count == 1)
    }

    @Test func tableRowsMustMatchColumns() {
        var table = HTMLTable(columns: [HTMLTable.Column("a")])
        table.append(["1"])
        #expect(table.rows == [["1"]])
    }
}
