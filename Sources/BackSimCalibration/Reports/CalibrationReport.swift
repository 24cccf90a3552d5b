import Foundation

extension CalibrationResult {
    /// What `backsim calibrate` prints: how the search ended, the fitted
    /// values, the residual per target and a `parameters:` block to paste.
    public func report(runner: EvidenceRunner, fileCount: Int) -> String {
        let targets = estimates.count, gating = estimates.filter(\.target.gating).count
        let persons = runner.personsPerRun.map(String.init).joined(separator: ", ")
        let seeds = runner.seeds.map(String.init).joined(separator: ", ")
        var lines = [
            "Calibration: \(parameters.count) parameter\(parameters.count == 1 ? "" : "s"), \(targets) target\(targets == 1 ? "" : "s") "
                + "(\(gating) gating) from \(fileCount) file\(fileCount == 1 ? "" : "s"); \(persons) persons per run; "
                + "seed\(runner.seeds.count == 1 ? "" : "s") \(seeds); margin \(loss.margin.compact)",
            statusLine,
            "",
        ]
        var table = Columns(["parameter", "start", "fitted", "bounds"], right: [1, 2])
        for (parameter, value) in zip(parameters, fitted) {
            table.append([
                parameter.spec.name, Figures.parameter(parameter.start), Figures.parameter(value),
                "\(parameter.bounds.lowerBound.compact) to \(parameter.bounds.upperBound.compact)",
            ])
        }
        lines += table.lines()
        lines.append("")
        lines.append("Residuals at the fitted values (smooth estimates: expected reports, unrounded disability):")
        var residuals = Columns(["target", "published", "fitted value", "residual", "outside by", "loss", "gating"], right: [2, 3, 4, 5])
        for estimate in estimates {
            let target = estimate.target
            let digits = Figures.digits(target.unit)
            let value = estimate.smooth
            let outside = value.map { value -> Double in
                if value < target.published.low { return value - target.published.low }
                if value > target.published.high { return value - target.published.high }
                return 0
            }
            residuals.append([
                target.name, Figures.published(target.published), value.map { Figures.fixed($0, digits: digits) } ?? "–",
                value.map { Figures.fixed($0 - target.published.centre, digits: digits) } ?? "–",
                outside.map { Figures.fixed($0, digits: digits) } ?? "–",
                String(format: "%.4g", loss(of: estimate)), target.gating ? "yes" : "known gap",
            ])
        }
        lines += residuals.lines(indent: "  ")
        lines += [
            "  (residual: fitted − published value, or the range's middle; outside by: distance beyond the published",
            "  interval or range, 0 inside; loss: ((distance beyond the central \(Int(((1 - loss.margin) * 100).rounded()))%) / width)²)",
            "",
            "Paste into a scenario file:",
            "",
            "parameters:",
        ]
        for (parameter, value) in zip(parameters, fitted) {
            lines.append("  \(parameter.spec.name): \(Figures.parameter(value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var statusLine: String {
        let effort = "\(iterations) iteration\(iterations == 1 ? "" : "s"), \(evaluations) evaluations"
        switch stop {
        case .targetValue:
            return "Converged: every gating target is inside its zero-loss interval (objective 0) after \(effort)."
        case .sizeTolerance:
            let outside = estimates.filter { $0.target.gating && loss(of: $0) > 0 }.count
            return "Converged (simplex size \(String(format: "%.2g", size))) after \(effort); objective \(String(format: "%.4g", objective)): "
                + "\(outside) gating target\(outside == 1 ? "" : "s") left outside, the closest the model gets."
        case .evaluationLimit:
            return "Not converged after \(effort) (objective \(String(format: "%.4g", objective)), simplex size \(String(format: "%.2g", size))); "
                + "the values below are the best found."
        }
    }
}
