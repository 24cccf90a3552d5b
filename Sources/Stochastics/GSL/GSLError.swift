import CGSL

/// A failure reported by GSL through a status code, as a Swift error.
///
/// GSL's default error handler prints and aborts the process. BackSim turns
/// it off (``GSLRuntime/prepare()``) and converts every non-zero status into
/// this error instead.
public struct GSLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The GSL status code (`GSL_EDOM`, `GSL_EINVAL`, ...).
    public let code: Int32
    /// The GSL function, or the BackSim operation, that failed.
    public let operation: String

    /// An error for status `code` from `operation`.
    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    public var description: String {
        "\(operation) failed: \(String(cString: gsl_strerror(code))) (GSL status \(code))"
    }

    /// Throws unless `status` is `GSL_SUCCESS`.
    @inlinable
    public static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(GSLError) {
        if status != CGSL_SUCCESS { throw GSLError(code: status, operation: operation()) }
    }
}
