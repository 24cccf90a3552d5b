import BackSimScenario

/// A scenario file with problems: every diagnostic, one per line, then a count.
struct ScenarioFailure: CommandFailure {
    let error: ScenarioError

    init(_ error: ScenarioError) { self.error = error }

    var exitStatus: ExitStatus { .dataError }
    var printsOwnPrefix: Bool { true }
    var description: String {
        let count = error.diagnostics.count
        return error.description + "\n\(count) problem\(count == 1 ? "" : "s") found; nothing was run or written."
    }
}
