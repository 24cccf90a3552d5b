import BackSimScenario

/// `validate` over several files: every problem in every file that could be
/// read, and every file that could not. Unreadable files make it an I/O error
/// (74); otherwise it is a data error (65).
struct ValidateFailure: CommandFailure {
    let problems: [Diagnostic]
    let unreadable: [ScenarioReadError]

    var exitStatus: ExitStatus { unreadable.isEmpty ? .dataError : .ioError }
    var printsOwnPrefix: Bool { true }
    var description: String {
        let lines = problems.map(\.description)
            + unreadable.map { "\(ScenarioInput.displayName($0.path)): error: cannot read: \($0.reason)" }
        let count = lines.count
        return (lines + ["\(count) problem\(count == 1 ? "" : "s") found; nothing was run or written."]).joined(separator: "\n")
    }
}
