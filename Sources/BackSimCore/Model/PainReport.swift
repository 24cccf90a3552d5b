import Foundation
import Stochastics

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
    static func nrs(_ latent: Double, recallError: Double, sd: Double, exp: Exponential) -> Int {
        let reported = latent * exp(sd * recallError - sd * sd / 2)
        return nearestInteger(nonNegative: min(max(reported, 0), 10))
    }

    /// A momentary rating (before, during or after a session) without recall error.
    @inline(__always)
    static func nrs(_ latent: Double) -> Int {
        nearestInteger(nonNegative: min(max(latent, 0), 10))
    }

    /// The expected weekly report given the week's mean latent pain `latent`:
    /// `E[report] = Σ_{k=1…10} P(latent · exp(σr·e − σr²/2) ≥ k − ½)`, a smooth
    /// function of `latent` (used by calibration instead of the sampled
    /// integer, so that small parameter changes make small differences).
    static func expectedNRS(_ latent: Double, sd: Double) -> Double {
        guard latent > 0 else { return 0 }
        var total = 0.0
        for k in 1...10 {
            let threshold = Double(k) - 0.5
            if sd == 0 {
                total += latent >= threshold ? 1 : 0
            } else {
                total += Normal.cdf(-(log(threshold / latent) + sd * sd / 2) / sd)
            }
        }
        return total
    }
}
