import Foundation

/// Turns latent pain into what a person reports on NRS 0-10.
///
/// The weekly report is `round(clamp(W · exp(σr·e − σr²/2), 0, 10))`, where W
/// is the mean latent pain of the past 7 days and e a standard-normal recall
/// error; rounding is to the nearest integer, halves away from zero. The
/// log-normal factor has mean 1; rounding and the clamps make the mean
/// report differ slightly from the mean latent pain (which is why
/// calibration targets are checked on reports, not latent values).
enum PainReport {
    @inline(__always)
    static func nrs(_ latent: Double, recallError: Double, sd: Double) -> Int {
        let reported = latent * exp(sd * recallError - sd * sd / 2)
        return Int(min(max(reported, 0), 10).rounded())
    }

    /// A momentary rating (before, during or after a session) without recall error.
    @inline(__always)
    static func nrs(_ latent: Double) -> Int {
        Int(min(max(latent, 0), 10).rounded())
    }
}
