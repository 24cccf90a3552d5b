import BackSimCore
import BackSimReports
import BackSimScenario

/// What `run` and `compare` share once their arguments are resolved:
/// simulate, render, deliver.
enum Simulation {
    static func perform(_ scenario: Scenario, replaced: [String], threads: Int, output: OutputOptions) throws {
        // Fail before a long run, not after it, if the file cannot be written.
        if let path = output.output { try AtomicFile.checkDestination(path) }
        let plan = scenario.plan(threads: threads)
        let (result, timing) = try TimedRun.run(plan, progress: .make(quiet: output.quiet))
        let provenance = Provenance(
            scenario: scenario.name, origin: scenario.origin, contentHash: scenario.contentHash,
            parameters: Dictionary(uniqueKeysWithValues: scenario.parameterOverrides.map { ($0.name, $0.value) }),
            overriddenByFlags: replaced)
        let text = try output.format.render(result, timing: timing, provenance: provenance, weeks: scenario.reportWeeks)
        if let path = output.output {
            try AtomicFile.write(text, to: path)
        } else {
            try StandardStream.output.write(all: text)
        }
    }
}
