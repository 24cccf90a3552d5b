import ArgumentParser
import BackSimCalibration
import BackSimCore
import BackSimReports
import BackSimScenario
import Foundation

/// `backsim calibrate`: fits model parameters to evidence targets.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit model parameters to evidence targets with GSL's Nelder-Mead simplex.",
        discussion: """
            Minimises the sum over gating targets of ((distance outside the interval or range) / its width)², \
            zero inside, on smooth estimates (expected reports given latent pain, unrounded disability) under \
            common random numbers, so the objective is deterministic. Bounds (default: each parameter's \
            accepted range) are kept by a logistic transform. Progress goes to standard error, one line per \
            iteration. Prints the fitted values, the residual per target and a 'parameters:' block to paste into \
            a scenario file. Exits 1 if the search does not converge within --max-evaluations, 65 if a target \
            file is invalid. See docs/calibration.md.
            """)

    @Argument(help: ArgumentHelp("Evidence target files (YAML).", valueName: "targets"))
    var files: [String]

    @Option(help: ArgumentHelp(
        "Comma-separated model parameters to fit, each 'name' or 'name=low:high' to narrow its bounds (names: docs/model.md).",
        valueName: "list"))
    var parameters: String

    @Option(help: ArgumentHelp(
        "Comma-separated starting values 'name=value' for fitted parameters. (default: the shipped defaults)",
        valueName: "list"))
    var start: String?

    @OptionGroup var sizing: EvidenceRunOptions
    @OptionGroup var settings: SettingOptions

    @Option(help: ArgumentHelp(
        "Share of each interval's width left out of the zero-loss region, half at each edge, 0 to 0.9: 0 fits anywhere inside, 0.5 only the central half.",
        valueName: "f"))
    var margin: Double = 0

    @Option(help: ArgumentHelp("Stop after this many objective evaluations (simulations of every target).", valueName: "n"))
    var maxEvaluations: Int = 300

    @Option(help: ArgumentHelp(
        "Converged when the simplex is this small, in transformed (logit) coordinates.", valueName: "size"))
    var tolerance: Double = 1e-3

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the result to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Do not show progress on standard error.")
    var quiet = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one target file, e.g. 'backsim calibrate Scenarios/evidence/*.yaml --parameters capacity.pain_benefit'") }
        _ = try resolveParameters()
        guard margin >= 0 && margin <= 0.9 else { throw ValidationError("--margin: must be from 0 to 0.9, got \(margin)") }
        guard maxEvaluations >= 2 else { throw ValidationError("--max-evaluations: must be at least 2, got \(maxEvaluations)") }
        guard tolerance > 0 && tolerance.isFinite else { throw ValidationError("--tolerance: must be positive, got \(tolerance)") }
        if output?.isEmpty == true { throw ValidationError("--output: empty file name") }
    }

    func run() throws {
        if let output { try AtomicFile.checkDestination(output) }
        let fitted = try resolveParameters()
        guard maxEvaluations >= fitted.count + 1 else {
            throw ValidationError("--max-evaluations: the first simplex alone takes \(fitted.count + 1) evaluations")
        }
        let targetFiles = try sizing.load(files)
        let runner = EvidenceRunner(files: targetFiles, settings: sizing.settings)
        var calibrator = Calibrator(
            runner: runner, parameters: fitted, loss: TargetLoss(margin: margin),
            sizeTolerance: tolerance, maximumEvaluations: maxEvaluations)
        calibrator.fixed = try settings.parsed().map { setting throws(ValidationError) in
            guard case .model(let spec) = setting.target else {
                throw ValidationError("--set: '\(setting.target.name)' is a policy; evidence targets fix their own policies, so set model parameters only")
            }
            guard !fitted.contains(where: { $0.spec.name == spec.name }) else {
                throw ValidationError("--set: '\(spec.name)' is also fitted (--parameters); hold it or fit it, not both")
            }
            return ParameterValue(spec, setting.value)
        }
        if !quiet {
            StandardStream.error.write(
                "Calibrating \(fitted.map(\.spec.name).joined(separator: ", ")) on \(runner.targets.count) targets "
                    + "(\(runner.runCount) runs, \(runner.personWeeks) person-weeks per evaluation)\n")
        }
        let result: CalibrationResult
        do {
            result = try calibrator.run(progress: quiet ? nil : { step in
                let values = zip(fitted, step.values).map { "\($0.spec.name)=\(String(format: "%.5g", $1))" }
                StandardStream.error.write(
                    "iteration \(step.iteration): objective \(String(format: "%.6g", step.objective)), "
                        + "simplex size \(String(format: "%.3g", step.size)), \(step.evaluations) evaluations; "
                        + values.joined(separator: " ") + "\n")
            })
        } catch {
            throw CalibrationFailure(error: error)
        }
        let text = result.report(runner: runner, fileCount: targetFiles.count)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            try StandardStream.output.write(all: text)
        }
        guard result.converged else {
            StandardStream.error.write(
                "calibration did not converge: \(result.evaluations) evaluations reached --max-evaluations \(maxEvaluations) "
                    + "with objective \(String(format: "%.4g", result.objective)) and simplex size \(String(format: "%.2g", result.size)) "
                    + "(converged needs \(tolerance) or objective 0); raise --max-evaluations, narrow the bounds or start nearer\n")
            throw ExitCode(1)
        }
    }

    /// The fitted parameters with their bounds and starts.
    func resolveParameters() throws(ValidationError) -> [CalibrationParameter] {
        let names = ModelParameters.catalogue.map(\.name)
        func spec(_ name: String, _ flag: String) throws(ValidationError) -> ParameterSpec {
            guard let spec = ModelParameters.spec(named: name) else {
                let hint = closestName(name, among: names).map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("\(flag): unknown parameter '\(name)'\(hint) (see docs/model.md)")
            }
            return spec
        }
        var starts: [String: Double] = [:]
        if let start {
            for item in PolicyList.split(start) {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Double(parts[1]), value.isFinite else {
                    throw ValidationError("--start: expected 'name=value', found '\(item)'")
                }
                _ = try spec(parts[0], "--start")
                starts[parts[0]] = value
            }
        }
        var result: [CalibrationParameter] = []
        for item in PolicyList.split(parameters) {
            guard !item.isEmpty else { throw ValidationError("--parameters: empty parameter name") }
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let parameter = try spec(parts[0], "--parameters")
            guard !result.contains(where: { $0.spec.name == parameter.name }) else {
                throw ValidationError("--parameters: '\(parameter.name)' is listed twice")
            }
            var bounds: ClosedRange<Double>?
            if parts.count == 2 {
                let ends = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
                guard ends.count == 2, let low = ends[0], let high = ends[1], low < high else {
                    throw ValidationError("--parameters: expected '\(parameter.name)=low:high' with low < high, found '\(item)'")
                }
                bounds = low...high
            }
            do {
                result.append(try CalibrationParameter(parameter, bounds: bounds, start: starts[parameter.name]))
            } catch {
                throw ValidationError("--parameters: \(error)")
            }
        }
        for name in starts.keys where !result.contains(where: { $0.spec.name == name }) {
            throw ValidationError("--start: '\(name)' is not among --parameters")
        }
        guard !result.isEmpty else { throw ValidationError("--parameters: no parameter given") }
        return result
    }
}

/// A calibration that could not run to the end (not a mere non-convergence).
struct CalibrationFailure: CommandFailure {
    let error: CalibrationError

    var exitStatus: ExitStatus {
        if case .noGatingTargets = error { return .dataError }
        return .internalError
    }

    var description: String { "calibration failed: \(error)" }
}
