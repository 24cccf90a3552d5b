import BackSimReports
import Foundation
import Stochastics

/// `backsim power` in every format: the power curve with Wilson intervals,
/// failed analyses, type I error, bias against the true effect, coverage,
/// and the smallest size reaching the target power.
public struct PowerReport: Sendable {
    public let result: PowerResult
    public let provenance: StudyProvenance
    /// Arm names, A then B.
    public let arms: (String, String)

    public init(_ result: PowerResult, provenance: StudyProvenance, arms: (String, String)) {
        self.result = result
        self.provenance = provenance
        self.arms = arms
    }

    private var design: TrialDesign { result.design }

    private var question: String {
        let d = design
        var text = "Power of \(d.analysis.rawValue) at week \(d.visit): \(arms.0) (A) vs \(arms.1) (B), "
        text += "\(d.trials) simulated trials per size, alpha \(csvNumber(d.alpha))"
        if let margin = d.margin {
            text += ", non-inferiority of A with margin \(csvNumber(margin)) (one-sided)"
        } else {
            text += d.sides == .two ? ", two-sided" : ", one-sided (A better)"
        }
        text += d.analysis == .responder ? (d.exact ? ", Fisher's exact test" : ", chi-square test") : ""
        text += "; estimand \(d.estimand.rawValue); allocation \(d.allocation.a):\(d.allocation.b); "
        text += "loss to follow-up \(csvNumber(d.lossPerWeek))/week, \(csvNumber(d.visitLossShare)) of programme leavers stop visits."
        return text
    }

    private var answer: String {
        let (estimate, low, high) = result.sizeForTarget
        let target = "\(Int((design.target * 100).rounded()))% power"
        guard let estimate else {
            return "\(target) is not reached by N = \(design.sizes.max()!) per arm"
                + (low.map { " (the Monte Carlo interval reaches it from N = \($0))" } ?? "") + "."
        }
        let smallest = design.sizes.min()!
        if estimate == smallest && low == smallest {
            return "N for \(target): at most \(smallest) per arm, the smallest size run (power there is already above "
                + "the target); run smaller sizes to find it."
        }
        return "N for \(target): \(estimate) per arm (B; A \(design.sizeA(estimate))), Monte Carlo interval "
            + "\(low.map(String.init) ?? "?") to \(high.map(String.init) ?? "beyond \(design.sizes.max()!)")."
    }

    private var truth: String {
        "True effect (\(design.analysis.effectName)): \(fixed(result.trueEffect.value, 3)), from a paired run of "
            + "\(result.trueEffect.persons) persons per arm with every visit outcome observed."
    }

    private func percent(_ value: Double?) -> String { value.map { fixed(100 * $0, 1) } ?? "NA" }
    private func interval(_ i: ConfidenceInterval?) -> String {
        i.map { "\(fixed(100 * $0.low, 1)) to \(fixed(100 * $0.high, 1))" } ?? "NA"
    }

    private var typeOneLabel: String { design.margin == nil ? "type I error %" : "A vs A rejected %" }

    private var header: [String] {
        ["N per arm", "power %", "95% interval", "failed", typeOneLabel, "95% interval", "mean estimate", "bias",
         "coverage %", "analysed A", "analysed B", "screened"]
    }

    private var rows: [[String]] {
        result.sizes.map { s in
            [design.allocation == (1, 1) ? "\(s.size)" : "\(s.sizeA):\(s.size)",
             percent(s.power), interval(s.powerInterval), "\(s.failed)", percent(s.typeOneError), interval(s.typeOneInterval),
             s.meanEstimate.map { fixed($0, 3) } ?? "NA", s.bias.map { fixed($0, 3) } ?? "NA", percent(s.coverage),
             fixed(s.meanAnalysedA, 1), fixed(s.meanAnalysedB, 1), fixed(s.meanScreened, 1)]
        }
    }

    public func table() -> String {
        var text = question + "\n" + provenance.line + "\n\n"
        text += textTable(header, rows, rightAligned: Set(0..<header.count))
        text += "\n" + answer + "\n" + truth + "\n"
        text += "Failed: trials whose analysis failed or was degenerate; they are left out of power, not counted as non-rejections.\n"
        return text
    }

    public func markdown() -> String {
        var lines = ["# BackSim power: \(provenance.scenario)", "", question, "", provenance.line, ""]
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.map { _ in "---:" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        lines += ["", answer, "", truth, ""]
        return lines.joined(separator: "\n")
    }

    public func csv() -> String {
        var text = "n_b,n_a,trials,failed,rejections,power,power_low,power_high,null_failed,null_rejections,"
            + "type1,type1_low,type1_high,mean_estimate,true_effect,bias,coverage,mean_analysed_a,mean_analysed_b,mean_screened\n"
        for s in result.sizes {
            let cells: [String] = [
                "\(s.size)", "\(s.sizeA)", "\(s.trials)", "\(s.failed)", "\(s.rejections)", s.power.map(csvNumber) ?? "NA",
                s.powerInterval.map { csvNumber($0.low) } ?? "NA", s.powerInterval.map { csvNumber($0.high) } ?? "NA",
                "\(s.nullFailed)", "\(s.nullRejections)", s.typeOneError.map(csvNumber) ?? "NA",
                s.typeOneInterval.map { csvNumber($0.low) } ?? "NA", s.typeOneInterval.map { csvNumber($0.high) } ?? "NA",
                s.meanEstimate.map(csvNumber) ?? "NA", csvNumber(result.trueEffect.value), s.bias.map(csvNumber) ?? "NA",
                s.coverage.map(csvNumber) ?? "NA", csvNumber(s.meanAnalysedA), csvNumber(s.meanAnalysedB),
                csvNumber(s.meanScreened),
            ]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// One row per simulated trial and size (`--trials-out`).
    public func trialsCSV() -> String {
        var text = "run,n_b,n_a,trial,estimate,std_error,statistic,p_value,ci_low,ci_high,rejected,covered,analysed_a,analysed_b,screened,failure\n"
        for row in result.trials {
            let t = row.test
            let cells: [String] = [
                row.null ? "null" : "trial", "\(row.size)", "\(design.sizeA(row.size))", "\(row.trial)",
                t.map { csvNumber($0.estimate) } ?? "NA", t.map { csvNumber($0.standardError) } ?? "NA",
                t.map { csvNumber($0.statistic) } ?? "NA", t.map { csvNumber($0.pValue) } ?? "NA",
                t.map { csvNumber($0.interval.low) } ?? "NA", t.map { csvNumber($0.interval.high) } ?? "NA",
                row.rejected.map { $0 ? "1" : "0" } ?? "NA", row.covered.map { $0 ? "1" : "0" } ?? "NA",
                "\(row.analysedA)", "\(row.analysedB)", "\(row.screened)",
                row.failure.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" } ?? "",
            ]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    struct JSONSize: Encodable {
        let n_b: Int, n_a: Int, trials: Int, failed: Int, rejections: Int
        let power: Double?, power_low: Double?, power_high: Double?
        let null_failed: Int, null_rejections: Int, type1: Double?, type1_low: Double?, type1_high: Double?
        let mean_estimate: Double?, bias: Double?, coverage: Double?
        let mean_analysed_a: Double, mean_analysed_b: Double, mean_screened: Double
    }

    struct JSONBody: Encodable {
        let provenance: StudyProvenance
        let arms: [String]
        let analysis: String, estimand: String, visit: Int, trials: Int, alpha: Double, target: Double
        let sides: Int, margin: Double?, exact: Bool, allocation: [Int]
        let loss_per_week: Double, visit_loss_share: Double
        let true_effect: Double, true_effect_persons: Int, effect: String
        let n_for_target: Int?, n_for_target_low: Int?, n_for_target_high: Int?
        let sizes: [JSONSize]
    }

    public func json() -> String {
        let (estimate, low, high) = result.sizeForTarget
        let d = design
        return StudyJSON.encode(JSONBody(
            provenance: provenance, arms: [arms.0, arms.1], analysis: d.analysis.rawValue, estimand: d.estimand.rawValue,
            visit: d.visit, trials: d.trials, alpha: d.alpha, target: d.target, sides: d.margin != nil || d.sides != .two ? 1 : 2,
            margin: d.margin, exact: d.exact, allocation: [d.allocation.a, d.allocation.b], loss_per_week: d.lossPerWeek,
            visit_loss_share: d.visitLossShare, true_effect: result.trueEffect.value,
            true_effect_persons: result.trueEffect.persons, effect: d.analysis.effectName, n_for_target: estimate,
            n_for_target_low: low, n_for_target_high: high,
            sizes: result.sizes.map { s in
                JSONSize(
                    n_b: s.size, n_a: s.sizeA, trials: s.trials, failed: s.failed, rejections: s.rejections, power: s.power,
                    power_low: s.powerInterval?.low, power_high: s.powerInterval?.high, null_failed: s.nullFailed,
                    null_rejections: s.nullRejections, type1: s.typeOneError, type1_low: s.typeOneInterval?.low,
                    type1_high: s.typeOneInterval?.high, mean_estimate: s.meanEstimate, bias: s.bias, coverage: s.coverage,
                    mean_analysed_a: s.meanAnalysedA, mean_analysed_b: s.meanAnalysedB, mean_screened: s.meanScreened)
            }))
    }

    public func html() -> String {
        var page = HTMLDocument(title: "Power: \(arms.0) vs \(arms.1)", subtitle: provenance.line)
        let curve = result.sizes.map { s in
            (x: Double(s.size), y: 100 * (s.power ?? 0), low: 100 * (s.powerInterval?.low ?? 0),
             high: 100 * (s.powerInterval?.high ?? 0))
        }
        let null = result.sizes.map { s in
            (x: Double(s.size), y: 100 * (s.typeOneError ?? 0), low: 100 * (s.typeOneInterval?.low ?? 0),
             high: 100 * (s.typeOneInterval?.high ?? 0))
        }
        let chart = StudyChart.lines(
            id: "power-curve", title: "Power by size", xLabel: "N per arm (arm B)", yLabel: "rejected, % of trials",
            series: [("power (\(arms.0) vs \(arms.1))", curve), (design.margin == nil ? "type I error (A vs A)" : "A vs A", null)],
            references: [(80, "80%"), (90, "90%")], yRange: 0...100)
        var table = HTMLTable(columns: header.enumerated().map { HTMLTable.Column($1, alignment: $0 == 0 ? .left : .numeric) })
        for row in rows { table.append(row) }
        page.append(HTMLDocument.Section("Power curve", blocks: [
            .paragraph(question),
            .chart(chart, caption: "Shaded: 95% Wilson intervals of the Monte Carlo estimate; dashed: 80% and 90% power."),
            .paragraph(answer), .paragraph(truth),
        ]))
        page.append(HTMLDocument.Section("By size", blocks: [
            .table(table),
            .note("Failed: trials whose analysis failed or was degenerate, left out of power rather than counted as non-rejections. Bias: mean estimate minus the true effect. Coverage: share of 95% intervals holding the true effect."),
        ]))
        return page.render()
    }
}
