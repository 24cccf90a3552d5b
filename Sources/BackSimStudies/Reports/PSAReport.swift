import BackSimReports
import Foundation

/// A probabilistic analysis's outputs: table, summary CSV, the per-draw long
/// table, JSON and an HTML page.
public struct PSAReport: Sendable {
    public let partial: PSAPartial
    public let summaries: [PSAOutcomeSummary]
    public let outcomes: [StudyOutcome]
    public let provenance: StudyProvenance

    public init(_ partial: PSAPartial, outcomes: [StudyOutcome], reference: String, provenance: StudyProvenance) throws(StudyError) {
        self.partial = partial
        self.outcomes = outcomes
        self.provenance = provenance
        var summaries: [PSAOutcomeSummary] = []
        for (index, outcome) in outcomes.enumerated() {
            summaries.append(try PSAOutcomeSummary(partial, outcome: outcome, outcomeIndex: index, reference: reference))
        }
        self.summaries = summaries
    }

    /// The per-draw long table, one row per draw × policy × outcome:
    /// `draw,<one column per parameter>,policy,outcome,week,value,mc_se`
    /// (hesim's and BCEA's long format: load it with `read.csv`).
    public func perDrawCSV() -> String {
        var text = (["draw"] + partial.parameters + ["policy", "outcome", "week", "value", "mc_se"]).joined(separator: ",") + "\n"
        for draw in partial.draws {
            let values = draw.values.map(csvNumber)
            for (p, policy) in partial.policies.enumerated() {
                for (o, outcome) in outcomes.enumerated() {
                    let e = draw.tally.estimate(outcome: o, policy: p)
                    text += ([String(draw.draw)] + values + [policy, outcome.name, String(partial.week),
                                                             csvNumber(e.mean * outcome.scale), csvNumber(e.standardError * outcome.scale)])
                        .joined(separator: ",") + "\n"
                }
            }
        }
        return text
    }

    /// Summary CSV `outcome,policy,reference,stat,value`: mean, mean_low,
    /// mean_high, diff, diff_low, diff_high (2.5th-97.5th percentiles over
    /// draws), p_best, var_total, var_mc, var_parameters, mc_share,
    /// advised_persons; per outcome also `evpi_lower`, `evpi_upper` (policy
    /// empty) and `p_best_by_mid` rows as `p_best_at_<δ>`.
    public func csv() -> String {
        var text = "outcome,policy,reference,stat,value\n"
        for summary in summaries {
            let o = summary.outcome.name, r = summary.reference
            for p in summary.policies {
                var stats: [(String, Double)] = [
                    ("mean", p.mean), ("mean_low", p.interval.lowerBound), ("mean_high", p.interval.upperBound),
                    ("diff", p.difference), ("diff_low", p.differenceInterval.lowerBound), ("diff_high", p.differenceInterval.upperBound),
                    ("p_best", p.probabilityBest), ("var_total", p.totalVariance), ("var_mc", p.monteCarloVariance),
                    ("var_parameters", p.parameterVariance), ("mc_share", p.monteCarloShare),
                ]
                if let advised = p.advisedPersons { stats.append(("advised_persons", Double(advised))) }
                for (stat, value) in stats { text += "\(o),\(p.policy),\(r),\(stat),\(csvNumber(value))\n" }
            }
            for point in summary.curve {
                for (p, probability) in zip(summary.policies, point.probabilities) {
                    text += "\(o),\(p.policy),\(r),p_best_at_\(csvNumber(point.difference)),\(csvNumber(probability))\n"
                }
            }
            text += "\(o),,\(r),evpi_lower,\(csvNumber(summary.evpiLower))\n\(o),,\(r),evpi_upper,\(csvNumber(summary.evpiUpper))\n"
        }
        return text
    }

    public func table() -> String {
        var text = "Probabilistic analysis: \(partial.draws.count) parameter draws × \(summaries.first?.personsPerDraw ?? 0) persons, week \(partial.week).\n"
        text += "\(provenance.line)\nUncertain: \(partial.parameters.joined(separator: ", "))\n"
        for summary in summaries {
            let definition = summary.outcome
            text += "\n\(definition.name) (\(definition.unit)); \(definition.higherIsBetter ? "higher" : "lower") is better; differences: policy minus \(summary.reference)\n"
            let rows = summary.policies.map { p in
                [p.policy, fixed(p.mean, 3),
                 p.policy == summary.reference ? "reference" : "\(fixed(p.difference, 3)) (\(fixed(p.differenceInterval.lowerBound, 3)) to \(fixed(p.differenceInterval.upperBound, 3)))",
                 fixed(p.probabilityBest, 3),
                 p.policy == summary.reference ? "" : "\(fixed(100 * p.monteCarloShare, 1))%",
                 p.advisedPersons.map { "\($0)" } ?? (p.parametersNegligible ? "parameters do not move it" : "")]
            }
            text += textTable(["policy", "mean", "difference (95% over draws)", "P(best)", "MC share", "persons per draw advised"], rows, rightAligned: [1, 3, 4])
            text += "EVPI: between \(significant(summary.evpiLower)) and \(significant(summary.evpiUpper)) \(definition.unit) per person (cross-fitted lower bound, plug-in upper bound).\n"
            if let threshold = definition.importantDifference,
               let point = summary.curve.min(by: { abs($0.difference - threshold) < abs($1.difference - threshold) }) {
                let shares = zip(summary.policies, point.probabilities).map { "\($0.policy) \(fixed($1, 3))" }.joined(separator: ", ")
                text += "P(best by at least \(fixed(point.difference, 3))): \(shares)\n"
            }
        }
        return text
    }

    struct JSONPolicy: Encodable {
        let policy: String, mean: Double, mean_low: Double, mean_high: Double
        let diff: Double, diff_low: Double, diff_high: Double, p_best: Double
        let var_total: Double, var_mc: Double, var_parameters: Double, mc_share: Double
        let advised_persons: Int?, parameters_negligible: Bool
    }

    struct JSONOutcome: Encodable {
        let outcome: String, unit: String, higher_is_better: Bool, reference: String
        let policies: [JSONPolicy]
        let curve: [JSONCurvePoint]
        let evpi_lower: Double, evpi_upper: Double
    }

    struct JSONCurvePoint: Encodable {
        let minimum_important_difference: Double
        let p_best: [String: Double]
    }

    struct JSONDraw: Encodable {
        let draw: Int
        let parameters: [String: Double]
        let means: [String: [String: Double]]
    }

    struct JSONBody: Encodable {
        let kind = "psa"
        let provenance: StudyProvenance
        let draws: Int, persons_per_draw: Int, week: Int
        let parameters: [String]
        let outcomes: [JSONOutcome]
        let per_draw: [JSONDraw]
    }

    public func json() -> String {
        let outcomesJSON = summaries.map { s in
            JSONOutcome(
                outcome: s.outcome.name, unit: s.outcome.unit, higher_is_better: s.outcome.higherIsBetter, reference: s.reference,
                policies: s.policies.map {
                    JSONPolicy(policy: $0.policy, mean: $0.mean, mean_low: $0.interval.lowerBound, mean_high: $0.interval.upperBound,
                               diff: $0.difference, diff_low: $0.differenceInterval.lowerBound, diff_high: $0.differenceInterval.upperBound,
                               p_best: $0.probabilityBest, var_total: $0.totalVariance, var_mc: $0.monteCarloVariance,
                               var_parameters: $0.parameterVariance, mc_share: $0.monteCarloShare,
                               advised_persons: $0.advisedPersons, parameters_negligible: $0.parametersNegligible)
                },
                curve: s.curve.map { point in
                    JSONCurvePoint(minimum_important_difference: point.difference,
                                   p_best: Dictionary(uniqueKeysWithValues: zip(s.policies.map(\.policy), point.probabilities)))
                },
                evpi_lower: s.evpiLower, evpi_upper: s.evpiUpper)
        }
        let draws = partial.draws.map { draw in
            JSONDraw(
                draw: draw.draw, parameters: Dictionary(uniqueKeysWithValues: zip(partial.parameters, draw.values)),
                means: Dictionary(uniqueKeysWithValues: outcomes.enumerated().map { o, outcome in
                    (outcome.name, Dictionary(uniqueKeysWithValues: partial.policies.enumerated().map { p, policy in
                        (policy, draw.tally.estimate(outcome: o, policy: p).mean * outcome.scale)
                    }))
                }))
        }
        return StudyJSON.encode(JSONBody(
            provenance: provenance, draws: partial.draws.count, persons_per_draw: summaries.first?.personsPerDraw ?? 0,
            week: partial.week, parameters: partial.parameters, outcomes: outcomesJSON, per_draw: draws))
    }

    public func html() -> String {
        var page = HTMLDocument(
            title: "Probabilistic analysis: which policy is best",
            subtitle: "\(provenance.line); \(partial.draws.count) draws of \(partial.parameters.count) uncertain parameters")
        for summary in summaries {
            let definition = summary.outcome
            let curve = StudyChart.lines(
                id: "p-best-\(definition.name)", title: "Probability best by at least a difference: \(definition.name), week \(partial.week)",
                xLabel: "minimum important difference (\(definition.unit))", yLabel: "probability best",
                series: summary.policies.enumerated().map { index, p in
                    (p.policy, summary.curve.map { ($0.difference, $0.probabilities[index], $0.probabilities[index], $0.probabilities[index]) })
                },
                references: definition.importantDifference.map { _ in [] } ?? [], yRange: 0...1)
            var table = HTMLTable(columns: ["policy", "mean (95% over draws)", "difference from \(summary.reference)", "P(best)", "Monte Carlo share", "advice"].map { HTMLTable.Column($0) })
            for p in summary.policies {
                table.append([
                    p.policy, "\(fixed(p.mean, 3)) (\(fixed(p.interval.lowerBound, 3)) to \(fixed(p.interval.upperBound, 3)))",
                    p.policy == summary.reference ? "reference" : "\(fixed(p.difference, 3)) (\(fixed(p.differenceInterval.lowerBound, 3)) to \(fixed(p.differenceInterval.upperBound, 3)))",
                    fixed(p.probabilityBest, 3), p.policy == summary.reference ? "" : "\(fixed(100 * p.monteCarloShare, 1))%",
                    p.advisedPersons.map { "use \($0) persons per draw to bring Monte Carlo below 10%" }
                        ?? (p.parametersNegligible ? "parameters do not move this difference measurably" : ""),
                ])
            }
            var references: [(Double, String)] = [(0, "0")]
            if let threshold = definition.importantDifference {
                let sign = definition.higherIsBetter ? 1.0 : -1.0
                references.append((sign * threshold, "important \(csvNumber(sign * threshold))"))
            }
            let spread = StudyChart.intervals(
                id: "differences-\(definition.name)", title: "\(definition.name): difference from \(summary.reference) over draws, week \(partial.week)",
                xLabel: "\(definition.name) difference (\(definition.unit))",
                rows: summary.policies.filter { $0.policy != summary.reference }.map {
                    ($0.policy, $0.difference, $0.differenceInterval.lowerBound, $0.differenceInterval.upperBound)
                },
                references: references)
            page.append(HTMLDocument.Section("\(definition.name) (\(definition.unit))", anchor: definition.name, blocks: [
                .table(table),
                .chart(spread, caption: "Dot: mean over draws of the paired difference; bar: its 2.5th to 97.5th percentile over draws (parameter uncertainty plus each draw's Monte Carlo noise, whose share the table gives)."),
                .paragraph("Expected value of perfect information: between \(significant(summary.evpiLower)) and \(significant(summary.evpiUpper)) \(definition.unit) per person. The upper value is the plug-in estimate, biased upward by each draw's Monte Carlo noise; the lower is cross-fitted (the best policy chosen on half the persons, scored on the other half), biased downward."),
                .chart(curve, caption: "Share of draws in which each policy beats every other by at least the difference on the x axis (at 0: probability best)."),
            ]))
        }
        return page.render()
    }
}
