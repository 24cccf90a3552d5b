/// Process exit statuses, after BSD `sysexits.h`.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Bad command line: unknown flag, value out of range, unknown name.
    case usage = 64
    /// Input data (a scenario file) is malformed.
    case dataError = 65
    /// A bug or an unexpected failure inside BackSim.
    case internalError = 70
    /// A file or stream could not be read or written.
    case ioError = 74
}
