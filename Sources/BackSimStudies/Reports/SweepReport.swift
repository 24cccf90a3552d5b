import BackSimReports
import Foundation

/// A sweep's outputs: terminal table, long CSV, JSON and an HTML page.
public struct SweepReport: Sendable {
    public let result: SweepResult
    public let provenance: StudyProvenance

    public init(_ result: SweepResult, provenance: StudyProvenance) {
        self.result = result
        self.provenance = provenance
    }

    var axisHeader: [String] {
        result.axes.count == 1 ? ["parameter", "parameter_value"] : ["parameter", "parameter_value", "parameter_2", "parameter_2_value"]
    }

    func axisCells(_ cell: SweepCell) -> [String] {
        zip(result.axes, cell.values).flatMap { [$0, csvNumber($1)] }
    }

    /// Long CSV: `parameter,parameter_value[,parameter_2,parameter_2_value],
    /// policy,reference,week,metric,stat,value`; stats `mean`, `mc_se`,
    /// `ci_low`, `ci_high` of the policy and `diff`, `diff_mc_se`,
    /// `diff_ci_low`, `diff_ci_high` of its paired difference from the
    /// reference (95% Monte Carlo intervals, ± 1.96 SE).
    public func csv() -> String {
        var text = (axisHeader + ["policy", "reference", "week", "metric", "stat", "value"]).joined(separator: ",") + "\n"
        for cell in result.cells {
            let axes = axisCells(cell)
            for (outcome, definition) in result.outcomes.enumerated() {
                for e in cell.estimates[outcome] {
                    let stats: [(String, Double)] = [
                        ("mean", e.mean), ("mc_se", e.standardError), ("ci_low", e.mean - 1.96 * e.standardError),
                        ("ci_high", e.mean + 1.96 * e.standardError), ("diff", e.difference),
                        ("diff_mc_se", e.differenceStandardError), ("diff_ci_low", e.difference - 1.96 * e.differenceStandardError),
                        ("diff_ci_high", e.difference + 1.96 * e.differenceStandardError),
                    ]
                    for (stat, value) in stats {
                        text += (axes + [e.policy, result.reference, String(result.week), definition.name, stat, csvNumber(value)])
                            .joined(separator: ",") + "\n"
                    }
                }
            }
        }
        return text
    }

    public func table() -> String {
        var text = "Sweep of \(result.axes.joined(separator: " × ")) at week \(result.week); differences are paired, policy minus \(result.reference), with 95% Monte Carlo intervals.\n"
        text += "\(provenance.line)\n"
        for (outcome, definition) in result.outcomes.enumerated() {
            text += "\n\(definition.name) (\(definition.unit)); \(definition.higherIsBetter ? "higher" : "lower") is better"
            if let threshold = definition.importantDifference { text += "; important difference \(csvNumber(threshold))" }
            text += "\n"
            var rows: [[String]] = []
            for cell in result.cells {
                let best = cell.best(outcome: outcome, definition)
                for e in cell.estimates[outcome] {
                    let diff = e.policy == result.reference ? "reference"
                        : "\(fixed(e.difference, 2)) (\(fixed(e.difference - 1.96 * e.differenceStandardError, 2)) to \(fixed(e.difference + 1.96 * e.differenceStandardError, 2)))"
                    rows.append(cell.values.map(csvNumber) + [e.policy, fixed(e.mean, 3), diff, e.policy == best ? "best" : ""])
                }
            }
            text += textTable(result.axes + ["policy", "mean", "difference (95% MC interval)", ""], rows, rightAligned: Set(0..<result.axes.count).union([result.axes.count + 1]))
        }
        text += flipsText()
        return text
    }

    func flipsText() -> String {
        guard result.axes.count == 1 else { return "" }
        guard !result.flips.isEmpty else { return "\nNo ranking of two policies changes within the swept range.\n" }
        var text = "\nRanking changes (where the paired difference crosses 0; interval: where its 95% MC interval includes 0):\n"
        for flip in result.flips {
            let low = flip.openLow ? "≤\(fixed(flip.interval.lowerBound, 3))" : fixed(flip.interval.lowerBound, 3)
            let high = flip.openHigh ? "≥\(fixed(flip.interval.upperBound, 3))" : fixed(flip.interval.upperBound, 3)
            text += "- \(flip.outcome): \(flip.first) vs \(flip.second) at \(result.axes[0]) ≈ \(fixed(flip.at, 3)) (\(low) to \(high)); \(flip.betterBelow) is better below\n"
        }
        return text
    }

    struct JSONCell: Encodable {
        let values: [Double]
        let outcomes: [String: [JSONEstimate]]
        let best: [String: String]
    }

    struct JSONEstimate: Encodable {
        let policy: String
        let mean: Double
        let mc_se: Double
        let diff: Double
        let diff_mc_se: Double
    }

    struct JSONFlip: Encodable {
        let outcome: String, first: String, second: String, at: Double, low: Double, high: Double
        let open_low: Bool, open_high: Bool, better_below: String
    }

    struct JSONBody: Encodable {
        let kind = "sweep"
        let provenance: StudyProvenance
        let parameters: [String]
        let week: Int
        let reference: String
        let cells: [JSONCell]
        let flips: [JSONFlip]
    }

    public func json() -> String {
        let cells = result.cells.map { cell in
            JSONCell(
                values: cell.values,
                outcomes: Dictionary(uniqueKeysWithValues: result.outcomes.enumerated().map { index, definition in
                    (definition.name, cell.estimates[index].map {
                        JSONEstimate(policy: $0.policy, mean: $0.mean, mc_se: $0.standardError, diff: $0.difference, diff_mc_se: $0.differenceStandardError)
                    })
                }),
                best: Dictionary(uniqueKeysWithValues: result.outcomes.enumerated().map { ($1.name, cell.best(outcome: $0, $1)) }))
        }
        let flips = result.flips.map {
            JSONFlip(outcome: $0.outcome, first: $0.first, second: $0.second, at: $0.at, low: $0.interval.lowerBound,
                     high: $0.interval.upperBound, open_low: $0.openLow, open_high: $0.openHigh, better_below: $0.betterBelow)
        }
        return StudyJSON.encode(JSONBody(
            provenance: provenance, parameters: result.axes, week: result.week, reference: result.reference, cells: cells, flips: flips))
    }

    public func html() -> String {
        var page = HTMLDocument(title: "Sweep of \(result.axes.joined(separator: " × "))", subtitle: provenance.line)
        for (outcome, definition) in result.outcomes.enumerated() {
            var blocks: [HTMLDocument.Block] = []
            if result.axes.count == 1 {
                // Difference from the reference against the parameter, per
                // policy (for a varied policy: one line, its own value).
                var series: [String: [(x: Double, y: Double, low: Double, high: Double)]] = [:]
                var order: [String] = []
                for cell in result.cells {
                    for e in cell.estimates[outcome] where e.policy != result.reference {
                        let name = result.variedPolicy.flatMap { ParameterSetting.builtInName(e.policy) == $0 ? $0 : nil } ?? e.policy
                        if series[name] == nil { order.append(name) }
                        let reach = 1.96 * e.differenceStandardError
                        series[name, default: []].append((cell.values[0], e.difference, e.difference - reach, e.difference + reach))
                    }
                }
                var references: [(Double, String)] = [(0, "no difference")]
                if let threshold = definition.importantDifference {
                    let sign = definition.higherIsBetter ? 1.0 : -1.0
                    references.append((sign * threshold, "important difference \(csvNumber(sign * threshold))"))
                }
                let chart = StudyChart.lines(
                    id: "sweep-\(definition.name)", title: "\(definition.name): difference from \(result.reference) at week \(result.week)",
                    xLabel: result.axes[0], yLabel: "\(definition.name) difference (\(definition.unit))",
                    series: order.map { ($0, series[$0]!) }, references: references)
                blocks.append(.chart(chart, caption: "Paired difference (policy minus \(result.reference)) with its 95% Monte Carlo band, against \(result.axes[0]); dashed lines: no difference and the importance threshold."))
                let flips = result.flips.filter { $0.outcome == definition.name }
                if flips.isEmpty {
                    blocks.append(.paragraph("No ranking of two policies changes within the swept range."))
                } else {
                    var table = HTMLTable(
                        caption: "Where the ranking of two policies changes: the paired difference crosses 0 (interpolated); the interval is where its 95% Monte Carlo interval includes 0 (≤ or ≥: beyond the swept range).",
                        columns: ["policies", "at \(result.axes[0])", "interval", "better below"].map { HTMLTable.Column($0) })
                    for flip in flips {
                        let low = flip.openLow ? "≤\(fixed(flip.interval.lowerBound, 3))" : fixed(flip.interval.lowerBound, 3)
                        let high = flip.openHigh ? "≥\(fixed(flip.interval.upperBound, 3))" : fixed(flip.interval.upperBound, 3)
                        table.append(["\(flip.first) vs \(flip.second)", fixed(flip.at, 3), "\(low) to \(high)", flip.betterBelow])
                    }
                    blocks.append(.table(table))
                }
            } else {
                let xs = Array(Set(result.cells.map { $0.values[0] })).sorted()
                let ys = Array(Set(result.cells.map { $0.values[1] })).sorted()
                let cells = ys.map { y in
                    xs.map { x in
                        result.cells.first { $0.values == [x, y] }.map { $0.best(outcome: outcome, definition) } ?? ""
                    }
                }
                let chart = StudyChart.heatMap(
                    id: "sweep-\(definition.name)", title: "Best policy for \(definition.name) at week \(result.week)",
                    xLabel: result.axes[0], yLabel: result.axes[1], xs: xs, ys: ys, cells: cells)
                blocks.append(.chart(chart, caption: "Each cell: the policy with the best mean \(definition.name) at that pair of values (\(definition.higherIsBetter ? "highest" : "lowest") is best). Cells whose best is within Monte Carlo error of the next are in the CSV and JSON."))
            }
            var table = HTMLTable(columns: (result.axes + ["policy", "mean", "difference", "95% MC interval"]).map { HTMLTable.Column($0) })
            for cell in result.cells {
                for e in cell.estimates[outcome] {
                    let reach = 1.96 * e.differenceStandardError
                    table.append(cell.values.map(csvNumber) + [e.policy, fixed(e.mean, 3), e.policy == result.reference ? "reference" : fixed(e.difference, 3),
                                                                e.policy == result.reference ? "" : "\(fixed(e.difference - reach, 3)) to \(fixed(e.difference + reach, 3))"])
                }
            }
            blocks.append(.table(table))
            page.append(HTMLDocument.Section("\(definition.name) (\(definition.unit))", anchor: definition.name, blocks: blocks))
        }
        return page.render()
    }
}
