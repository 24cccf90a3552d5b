import Foundation
import Stochastics

/// A person's latent pain without exercise, advanced one day at a time.
///
/// Day d's latent pain (NRS 0-10, continuous):
///
///     L = min(10, b · r_c · exp(σp·u·g − (σp·g)²/2 + σd·z − σd²/2)),  g = 1 − r
///
/// where b is baseline pain, r the condition's mean recovery shape relative
/// to entry (``RecoveryCurve``), r_c the person's course class's shape
/// (``CourseClass``), u the person's standard-normal recovery effect and z a
/// stationary AR(1) standard-normal fluctuation with lag-1 correlation ρ.
/// With w the condition's recovering share, a recovering person's own rate
/// λ = −ln(1 − v)/τR (v = their prognosis draw's place inside the class,
/// uniform 0-1, so λ is exponential with mean 1/τR) and m(t) = 1/(1 + t/τR)
/// the class's mean course (the Laplace transform of that rate):
///
///     r_recovering = exp(−λ·t)
///     r_persisting = r_fluctuating = max(0, (r − w·m(t)) / (1 − w))
///
/// so the class mixture has mean course r exactly wherever r ≥ w·m(t)
/// (true for the shipped curves and shares; `docs/model.md`). The
/// log-normal factors have mean 1, so before the cap at 10 the mean over
/// people equals b·r: the published mean course is kept while people
/// differ in prognosis. The fluctuating class has its own σd and ρ.
struct PainProcess {
    let baseline: Double
    private let fastDecay: Double
    private let slowDecay: Double
    private let recoveringDecay: Double
    /// τR in days, 7·τR.
    private let recoveringDays: Double
    private var fast: Double
    private var slow: Double
    private var recovering = 1.0
    private var days = 0
    private let recoveringShare: Double
    private let isRecovering: Bool
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
        fast = course.fastShare * Exponential.exp(-s / course.fastTimeConstant) / atEntry
        slow = (1 - course.fastShare) * Exponential.exp(-s / course.slowTimeConstant) / atEntry
        fastDecay = Exponential.exp(-1 / (7 * course.fastTimeConstant))
        slowDecay = Exponential.exp(-1 / (7 * course.slowTimeConstant))
        recoveringDays = 7 * parameters.recoveringWeeks
        recoveringDecay = Exponential.exp(-traits.recoveryRate(parameters) / 7)
        let courseClass = traits.courseClass(parameters)
        isRecovering = courseClass == .recovering
        recoveringShare = parameters.recoveringShare[traits.condition]
        recoveryShift = parameters.recoverySD * traits.recoveryEffect
        recoveryVariance = parameters.recoverySD * parameters.recoverySD
        let fluctuating = courseClass == .fluctuating
        dailySD = fluctuating ? parameters.fluctuatingSD : parameters.dailyPainSD
        dailyHalfVariance = dailySD * dailySD / 2
        rho = fluctuating ? parameters.fluctuatingAutocorrelation : parameters.dailyPainAutocorrelation
        innovationScale = (1 - rho * rho).squareRoot()
    }

    /// The condition's mean recovery shape relative to entry today (1 at entry).
    var shape: Double { fast + slow }

    /// This person's class course relative to entry today (1 at entry).
    var classShape: Double {
        if isRecovering { return recovering }
        let r = fast + slow
        // No recovering share (chronic): (r − 0·m)/(1 − 0) is r itself, without two divisions a day.
        guard recoveringShare != 0 else { return max(0, r) }
        let classMean = 1 / (1 + Double(days) / recoveringDays)
        return max(0, (r - recoveringShare * classMean) / (1 - recoveringShare))
    }

    /// Starts the fluctuation from its stationary distribution.
    mutating func startFluctuation(_ standardNormal: Double) { fluctuation = standardNormal }

    /// Latent pain today on the log-normal scale of the daily fluctuation,
    /// without advancing anything (the screening visit's pain).
    var current: Double { today.value(Exponential()) }

    /// Today's latent pain without exercise, in the two parts the model's
    /// one `exp` a day needs: N = min(10, b·r_c · exp(log factor)).
    @inline(__always)
    var today: NaturalPain {
        let r = fast + slow
        let g = max(1 - r, 0)
        let logFactor = recoveryShift * g - recoveryVariance * g * g / 2 + dailySD * fluctuation - dailyHalfVariance
        return NaturalPain(scale: baseline * classShape, logFactor: logFactor)
    }

    /// Advances the daily fluctuation by one innovation and, unless
    /// `holdCourse`, the recovery course by one day; returns latent pain
    /// without exercise.
    @inline(__always)
    mutating func nextDay(innovation: Double, holdCourse: Bool = false) -> NaturalPain {
        fluctuation = rho * fluctuation + innovationScale * innovation
        if !holdCourse {
            fast *= fastDecay
            slow *= slowDecay
            recovering *= recoveringDecay
            days += 1
        }
        return today
    }
}

/// A day's latent pain without exercise, N = min(10, scale · exp(logFactor)),
/// kept unevaluated so that the exercise benefit B can join the exponent:
/// N·exp(−B) = scale·exp(logFactor − B) whenever the cap at 10 does not bind
/// (`PersonModel.latentPain`; `docs/model.md` §6, computed form).
struct NaturalPain {
    /// b · r_c: baseline pain times the class course.
    var scale: Double
    /// σp·u·g − σp²·g²/2 + σd,c·z − σd,c²/2.
    var logFactor: Double

    /// N itself.
    @inline(__always)
    func value(_ exp: Exponential) -> Double { min(10, scale * exp(logFactor)) }
}
