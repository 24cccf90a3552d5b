import BackSimCore
import BackSimReports

extension OutputFormat {
    /// The complete output, rendered in memory before anything is written.
    func render(_ result: SimulationResult, timing: RunTiming) throws -> String {
        switch self {
        case .table: TableRenderer.render(result)
        case .csv: CSVRenderer.render(result)
        case .json: try JSONRenderer.render(result, timing: timing)
        }
    }
}
