import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimScenario

/// What `run` and `compare` share once their arguments are resolved:
/// simulate, render, deliver.
enum Simulation {
    static func perform(
        _ scenario: Scenario, replaced: [String], threads: Int, output: OutputOptions,
        analysis: AnalysisOptions = AnalysisOptions(), comparisonsPath: String? = nil
    ) throws {
        let labels = scenario.policyLabels
        let reference = try resolveReference(scenario)
        // Fail before a long run, not after it, if a file cannot be written.
        let outputs = [("--output", output.output), ("--comparisons", comparisonsPath), ("--per-person", analysis.perPerson)]
            .compactMap { flag, path in path.map { (flag, $0) } }
        for (index, (flag, path)) in outputs.enumerated() {
            if let (other, _) = outputs[..<index].first(where: { AtomicFile.sameDestination($0.1, path) }) {
                throw ValidationError("\(flag): '\(path)' is also the \(other) file; give each output a file of its own")
            }
        }
        for (_, path) in outputs { try AtomicFile.checkDestination(path) }
        if let charts = output.charts { try ChartFiles.prepare(charts) }
        var plan = scenario.plan(threads: threads)
        plan.grouping = analysis.by ?? .none
        plan.reference = reference.flatMap { labels.firstIndex(of: $0) } ?? (labels.count > 1 ? 0 : nil)
        let writer = try analysis.perPerson.map {
            try PerPersonWriter(path: $0, profiles: scenario.cohort.profiles.map(\.name), policies: labels)
        }
        let result: SimulationResult, timing: RunTiming
        do {
            (result, timing) = try TimedRun.run(plan, progress: .make(quiet: output.quiet), perPerson: writer)
        } catch {
            writer?.abort()
            throw error
        }
        let provenance = Provenance(
            scenario: scenario.name, origin: scenario.origin, contentHash: scenario.contentHash,
            parameters: Dictionary(uniqueKeysWithValues: scenario.parameterOverrides.map { ($0.name, $0.value) }),
            overriddenByFlags: replaced)
        // --outcomes was checked in validate(); the scenario's names by its validator.
        let outcomes = try analysis.outcomes.map { try AnalysisOptions.outcomes($0) }
            ?? scenario.reportOutcomes.map { $0.compactMap(ComparisonMetric.named) }
        let text = try output.format.render(
            result, timing: timing, provenance: provenance, weeks: scenario.reportWeeks, reference: reference,
            outcomes: outcomes)
        let comparisons = comparisonsPath.map { _ in
            ComparisonsCSVRenderer.render(result, reference: reference ?? labels[0])
        }
        if let comparisonsPath, let comparisons { try AtomicFile.write(comparisons, to: comparisonsPath) }
        if let charts = output.charts {
            try ChartFiles.write(HTMLReportRenderer.charts(result, reference: reference, outcomes: outcomes), into: charts)
        }
        if let path = output.output {
            try AtomicFile.write(text, to: path)
        } else {
            try StandardStream.output.write(all: text)
        }
    }

    /// The scenario's reference if it names one of its policies; `control`
    /// when present; otherwise none (a single policy) or the first.
    static func resolveReference(_ scenario: Scenario) throws(ValidationError) -> String? {
        let labels = scenario.policyLabels
        if let reference = scenario.reference {
            guard labels.contains(reference) else {
                throw ValidationError("--reference: '\(reference)' is not one of the compared policies (\(labels.joined(separator: ", ")))")
            }
            return reference
        }
        guard labels.count > 1 else { return nil }
        return labels.contains("control") ? "control" : labels[0]
    }
}
