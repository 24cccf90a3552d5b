import BackSimCore
import BackSimReports
import BackSimScenario

/// An error that ends a command with a one-line message and a particular
/// exit status. Errors that do not conform count as internal (70), except
/// ArgumentParser's own (usage, 64).
protocol CommandFailure: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
    /// The description already says where and what (compiler-style lines), so
    /// no "Error: " prefix is added.
    var printsOwnPrefix: Bool { get }
}

extension CommandFailure {
    var printsOwnPrefix: Bool { false }
}

extension AtomicFileError: CommandFailure {
    var exitStatus: ExitStatus { .ioError }
}

extension ScenarioReadError: CommandFailure {
    var exitStatus: ExitStatus { .ioError }
}

/// Enrolment criteria that (almost) nobody in the cohort meets: the
/// scenario's data is at fault, not the program.
extension EnrolmentError: CommandFailure {
    var exitStatus: ExitStatus { .dataError }
}
