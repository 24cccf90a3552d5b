import Foundation
import Stochastics

/// A condition's average course without treatment, relative to entry:
/// `shape(t) = f·exp(-t/τ_fast) + (1 - f)·exp(-t/τ_slow)`, t in weeks since
/// the condition's inception point (Costa 2012 fits, docs/evidence.md §1).
///
/// For a person who enters `s` weeks after inception, expected latent pain
/// at `t` weeks after entry is `baseline · shape(s + t) / shape(s)`. The
/// curve is a mean course: it says nothing about the spread between people
/// (that is `pain.recovery_sd`).
public struct RecoveryCurve: Equatable, Sendable {
    /// Share of the entry pain that resolves quickly, 0-1.
    public var fastShare: Double
    /// Weeks.
    public var fastTimeConstant: Double
    /// Weeks; `.infinity` for no slow recovery.
    public var slowTimeConstant: Double

    /// A curve with a fast share recovering with one time constant and the rest with another (weeks).
    public init(fastShare: Double, fastTimeConstant: Double, slowTimeConstant: Double) {
        self.fastShare = fastShare
        self.fastTimeConstant = fastTimeConstant
        self.slowTimeConstant = slowTimeConstant
    }

    /// The remaining share of the initial excess pain at week `t` (1 at t = 0).
    public func shape(atWeek t: Double) -> Double {
        fastShare * Exponential.exp(-t / fastTimeConstant) + (1 - fastShare) * Exponential.exp(-t / slowTimeConstant)
    }

    /// A curve that never changes (chronic pain's flat course).
    public static let flat = RecoveryCurve(fastShare: 0, fastTimeConstant: 1, slowTimeConstant: .infinity)
}
