/// Standard output or standard error could not be written.
struct StreamWriteError: CommandFailure, Equatable {
    let stream: String
    let reason: String

    var exitStatus: ExitStatus { .ioError }
    var description: String { "cannot write to \(stream): \(reason)" }
}
