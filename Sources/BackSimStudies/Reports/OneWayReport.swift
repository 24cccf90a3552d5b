import BackSimReports
import Foundation

/// A one-way sensitivity analysis's outputs: table, CSV, JSON, an HTML page
/// and the tornado alone as SVG.
public struct OneWayReport: Sendable {
    public let result: OneWayResult
    public let provenance: StudyProvenance

    public init(_ result: OneWayResult, provenance: StudyProvenance) {
        self.result = result
        self.provenance = provenance
    }

    var what: String { "\(result.outcome.name) at week \(result.week), \(result.policy) minus \(result.reference)" }

    /// `parameter,unit,base,low_percentile,low_value,high_percentile,
    /// high_value,diff_at_low,diff_at_low_mc_se,diff_at_high,diff_at_high_mc_se,width`,
    /// widest first; the base run is the first row, parameter `(base)`.
    public func csv() -> String {
        var text = "parameter,unit,base,low_percentile,low_value,high_percentile,high_value,diff_at_low,diff_at_low_mc_se,diff_at_high,diff_at_high_mc_se,width\n"
        text += "(base),,,,,,,\(csvNumber(result.baseDifference)),\(csvNumber(result.baseStandardError)),\(csvNumber(result.baseDifference)),\(csvNumber(result.baseStandardError)),0\n"
        for bar in result.bars {
            text += [bar.parameter, bar.unit, csvNumber(bar.base), csvNumber(result.percentiles.low), csvNumber(bar.low),
                     csvNumber(result.percentiles.high), csvNumber(bar.high), csvNumber(bar.differenceAtLow),
                     csvNumber(bar.standardErrorAtLow), csvNumber(bar.differenceAtHigh), csvNumber(bar.standardErrorAtHigh),
                     csvNumber(bar.width)].map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        return text
    }

    public func table() -> String {
        var text = "One-way sensitivity of \(what) (paired, 95% Monte Carlo intervals).\n\(provenance.line)\n"
        text += "Base: \(fixed(result.baseDifference, 3)) (\(fixed(result.baseDifference - 1.96 * result.baseStandardError, 3)) to \(fixed(result.baseDifference + 1.96 * result.baseStandardError, 3)))\n\n"
        let rows = result.bars.map { bar in
            [bar.parameter, fixed(bar.low, 4), fixed(bar.high, 4),
             "\(fixed(bar.differenceAtLow, 3)) ±\(fixed(1.96 * bar.standardErrorAtLow, 3))",
             "\(fixed(bar.differenceAtHigh, 3)) ±\(fixed(1.96 * bar.standardErrorAtHigh, 3))", fixed(bar.width, 3)]
        }
        text += textTable(
            ["parameter", "low (p\(csvNumber(result.percentiles.low)))", "high (p\(csvNumber(result.percentiles.high)))",
             "difference at low", "difference at high", "swing"], rows, rightAligned: [1, 2, 3, 4, 5])
        return text
    }

    public var chart: StudyChart {
        StudyChart.tornado(
            id: "tornado", title: "What drives \(what)", xLabel: "\(result.outcome.name) difference (\(result.outcome.unit))",
            base: result.baseDifference,
            rows: result.bars.map { ($0.parameter, $0.differenceAtLow, $0.standardErrorAtLow, $0.differenceAtHigh, $0.standardErrorAtHigh) })
    }

    /// The tornado as a standalone SVG file.
    public func svg() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg() + "\n" }

    struct JSONBar: Encodable {
        let parameter: String, unit: String, base: Double, low: Double, high: Double
        let diff_at_low: Double, diff_at_low_mc_se: Double, diff_at_high: Double, diff_at_high_mc_se: Double, width: Double
    }

    struct JSONBody: Encodable {
        let kind = "owsa"
        let provenance: StudyProvenance
        let policy: String, reference: String, outcome: String, week: Int
        let percentiles: [Double]
        let base_diff: Double, base_diff_mc_se: Double
        let bars: [JSONBar]
    }

    public func json() -> String {
        StudyJSON.encode(JSONBody(
            provenance: provenance, policy: result.policy, reference: result.reference, outcome: result.outcome.name,
            week: result.week, percentiles: [result.percentiles.low, result.percentiles.high],
            base_diff: result.baseDifference, base_diff_mc_se: result.baseStandardError,
            bars: result.bars.map {
                JSONBar(parameter: $0.parameter, unit: $0.unit, base: $0.base, low: $0.low, high: $0.high,
                        diff_at_low: $0.differenceAtLow, diff_at_low_mc_se: $0.standardErrorAtLow,
                        diff_at_high: $0.differenceAtHigh, diff_at_high_mc_se: $0.standardErrorAtHigh, width: $0.width)
            }))
    }

    public func html() -> String {
        var page = HTMLDocument(title: "One-way sensitivity: \(what)", subtitle: provenance.line)
        var table = HTMLTable(columns: ["parameter", "low value", "high value", "difference at low", "difference at high", "swing"].map { HTMLTable.Column($0) })
        for bar in result.bars {
            table.append([bar.parameter, fixed(bar.low, 4), fixed(bar.high, 4),
                          "\(fixed(bar.differenceAtLow, 3)) ± \(fixed(1.96 * bar.standardErrorAtLow, 3))",
                          "\(fixed(bar.differenceAtHigh, 3)) ± \(fixed(1.96 * bar.standardErrorAtHigh, 3))", fixed(bar.width, 3)])
        }
        page.append(HTMLDocument.Section("Tornado", anchor: "tornado", blocks: [
            .chart(chart, caption: "Each parameter at its \(csvNumber(result.percentiles.low))th (blue) and \(csvNumber(result.percentiles.high))th (red) percentile with every other at base; whiskers: 95% Monte Carlo intervals. Widest first."),
            .paragraph("Base difference: \(fixed(result.baseDifference, 3)) (95% MC interval \(fixed(result.baseDifference - 1.96 * result.baseStandardError, 3)) to \(fixed(result.baseDifference + 1.96 * result.baseStandardError, 3))). Every run uses the same persons with the same luck."),
            .table(table),
        ]))
        return page.render()
    }
}
