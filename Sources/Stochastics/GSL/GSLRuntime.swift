import CGSL

/// Process-wide GSL set-up.
///
/// GSL's error handler is a process-wide global whose default calls `abort()`.
/// ``prepare()`` switches it off once, before any worker starts; every entry
/// point of this module calls it, so callers never see an abort.
public enum GSLRuntime {
    private static let handlerTurnedOff: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's aborting error handler off. Idempotent and thread-safe.
    @inline(__always)
    public static func prepare() {
        _ = handlerTurnedOff
    }
}
