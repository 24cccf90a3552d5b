import BackSimCore
import BackSimReports

/// What `run` and `compare` share once their arguments are resolved:
/// simulate, render, deliver.
enum Simulation {
    static func perform(_ plan: SimulationPlan, output: OutputOptions) throws {
        // Fail before a long run, not after it, if the file cannot be written.
        if let path = output.output { try AtomicFile.checkDestination(path) }
        let (result, timing) = try TimedRun.run(plan, progress: .make(quiet: output.quiet))
        let text = try output.format.render(result, timing: timing)
        if let path = output.output {
            try AtomicFile.write(text, to: path)
        } else {
            try StandardStream.output.write(all: text)
        }
    }
}
