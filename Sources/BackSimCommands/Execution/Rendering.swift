import BackSimCore
import BackSimReports

extension OutputFormat {
    /// The complete output, rendered in memory before anything is written.
    func render(
        _ result: SimulationResult, timing: RunTiming, provenance: Provenance? = nil, weeks: [Int]? = nil,
        reference: String? = nil, outcomes: [ComparisonMetric]? = nil
    ) throws -> String {
        switch self {
        case .table: TableRenderer.render(result, weeks: weeks, reference: reference, outcomes: outcomes)
        case .csv: CSVRenderer.render(result)
        case .json: try JSONRenderer.render(result, timing: timing, provenance: provenance, reference: reference)
        case .markdown:
            MarkdownRenderer.render(result, provenance: provenance, weeks: weeks, reference: reference, outcomes: outcomes)
        case .html:
            HTMLReportRenderer.render(result, provenance: provenance, weeks: weeks, reference: reference, outcomes: outcomes)
        }
    }
}
