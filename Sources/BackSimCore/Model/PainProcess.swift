import Foundation

/// A person's latent pain without exercise, advanced one day at a time.
///
/// Day d's latent pain (NRS 0-10, continuous):
///
///     L = min(10, b · r · exp(σp·u·g − (σp·g)²/2 + σd·z − σd²/2)),  g = 1 − r
///
/// where b is baseline pain, r the condition's recovery shape relative to
/// entry (``RecoveryCurve``), u the person's standard-normal recovery effect
/// and z a stationary AR(1) standard-normal fluctuation with lag-1
/// correlation ρ. The two log-normal factors have mean 1, so before the cap
/// at 10 the mean over people and days equals b·r: the published mean
/// course is preserved while people spread out as they recover (g grows
/// from 0 at entry). What does not hold: the cap at 10 lowers the mean
/// slightly for people near the top of the scale.
struct PainProcess {
    let baseline: Double
    private let fastDecay: Double
    private let slowDecay: Double
    private var fast: Double
    private var slow: Double
    private let recoveryShift: Double
    private let recoveryVariance: Double
    private let dailySD: Double
    private let dailyHalfVariance: Double
    private let rho: Double
    private let innovationScale: Double
    private(set) var fluctuation: Double = 0

    init(traits: PersonTraits, parameters: ModelParameters) {
        let course = parameters.course(for: traits.condition)
        let s = traits.weeksSinceOnset
        let atEntry = max(course.shape(atWeek: s), .leastNormalMagnitude)
        baseline = traits.baselinePain
        fast = course.fastShare * exp(-s / course.fastTimeConstant) / atEntry
        slow = (1 - course.fastShare) * exp(-s / course.slowTimeConstant) / atEntry
        fastDecay = exp(-1 / (7 * course.fastTimeConstant))
        slowDecay = exp(-1 / (7 * course.slowTimeConstant))
        recoveryShift = parameters.recoverySD * traits.recoveryEffect
        recoveryVariance = parameters.recoverySD * parameters.recoverySD
        dailySD = parameters.dailyPainSD
        dailyHalfVariance = parameters.dailyPainSD * parameters.dailyPainSD / 2
        rho = parameters.dailyPainAutocorrelation
        innovationScale = (1 - rho * rho).squareRoot()
    }

    /// Recovery shape relative to entry today (1 at entry).
    var shape: Double { fast + slow }

    /// Starts the fluctuation from its stationary distribution.
    mutating func startFluctuation(_ standardNormal: Double) { fluctuation = standardNormal }

    /// Advances the daily fluctuation by one innovation and, unless
    /// `holdCourse`, the recovery course by one day; returns latent pain
    /// without exercise.
    @inline(__always)
    mutating func nextDay(innovation: Double, holdCourse: Bool = false) -> Double {
        fluctuation = rho * fluctuation + innovationScale * innovation
        if !holdCourse {
            fast *= fastDecay
            slow *= slowDecay
        }
        let r = fast + slow
        let g = max(1 - r, 0)
        let logFactor = recoveryShift * g - recoveryVariance * g * g / 2 + dailySD * fluctuation - dailyHalfVariance
        return min(10, baseline * r * exp(logFactor))
    }
}
