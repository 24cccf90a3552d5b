import Foundation
import Stochastics

/// Built capacity: a Banister fitness-fatigue pair driven by the daily
/// session-RPE load w (Foster 2001, AU), plus the load averages that decide
/// whether today's load is a spike.
///
///     g(d) = g(d-1)·exp(-1/τ1) + w(d)      fitness
///     h(d) = h(d-1)·exp(-1/τ2) + w(d)      fatigue
///
/// Capacity `c = g / g_ref`, where g_ref is the steady-state fitness under
/// the reference weekly load; form `= c − h / h_ref` (negative when fatigue
/// runs ahead of fitness). The spike ratio is acute over chronic load,
/// exponentially weighted with λ = 2/(N+1), N = 7 and 28 days (Williams
/// 2017), with the person's untrained tolerance added to the chronic side
/// (sources: docs/evidence.md §5, §8; equations: docs/model.md §6-§7).
struct Capacity {
    private(set) var fitness = 0.0
    private(set) var fatigue = 0.0
    private(set) var acuteLoad = 0.0
    private(set) var chronicLoad = 0.0
    private(set) var strengthSessions = 0
    /// exp(−n_str/n₀), kept by one multiplication per strength session
    /// instead of an `exp` per session (docs/model.md §6 step 6).
    private(set) var strengthUntrained = 1.0
    private let strengthSessionDecay: Double
    private let fitnessDecay: Double
    private let fatigueDecay: Double
    private let fitnessReference: Double
    private let fatigueReference: Double
    /// n and Kⁿ of the dose-response (``builtFraction``).
    private let benefitHill: Double
    private let halfBenefitPower: Double
    /// Fitness minus fatigue, both relative to reference; negative = unaccustomed load.
    private(set) var form = 0.0
    /// The share of the largest benefit that built capacity c gives:
    /// cⁿ / (cⁿ + Kⁿ), 0 untrained, ½ at c = K, rising with the dose done
    /// and fading as capacity decays after people stop.
    ///
    /// `form` and this are computed once a day, when the day ends, from the
    /// level c = g / g_ref (capacity relative to the reference programme's
    /// steady state, 0 untrained):
    /// a day's pain, a session's effort, the next morning's pain and the
    /// week's outcome all read the same day's values.
    private(set) var builtFraction = 0.0
    /// Daily load tolerated without training, AU/day.
    let toleranceDaily: Double
    private static let acuteWeight = 2.0 / 8
    private static let chronicWeight = 2.0 / 29

    init(traits: PersonTraits, parameters p: ModelParameters) {
        let spread = p.timeConstantSD
        let tau1 = p.fitnessDays * Exponential.exp(spread * traits.fitnessTimeEffect - spread * spread / 2)
        let tau2 = p.fatigueDays * Exponential.exp(spread * traits.fatigueTimeEffect - spread * spread / 2)
        fitnessDecay = Exponential.exp(-1 / tau1)
        fatigueDecay = Exponential.exp(-1 / tau2)
        let dailyReference = p.referenceWeeklyLoad / 7
        fitnessReference = dailyReference / (1 - fitnessDecay)
        fatigueReference = dailyReference / (1 - fatigueDecay)
        strengthSessionDecay = Exponential.exp(-1 / p.strengthSessions)
        toleranceDaily = (p.toleranceUnfit + (p.toleranceFit - p.toleranceUnfit) * traits.fitness) / 7
        benefitHill = p.benefitHill
        halfBenefitPower = p.benefitHill == 2 ? p.halfBenefitCapacity * p.halfBenefitCapacity
            : pow(p.halfBenefitCapacity, p.benefitHill)
    }

    /// Ends a day on which load `load` (AU) was done.
    @inline(__always)
    mutating func endDay(load: Double) {
        fitness = fitness * fitnessDecay + load
        fatigue = fatigue * fatigueDecay + load
        acuteLoad += Self.acuteWeight * (load - acuteLoad)
        chronicLoad += Self.chronicWeight * (load - chronicLoad)
        let c = fitness / fitnessReference
        form = c - fatigue / fatigueReference
        if c > 0 {
            // n = 2 (the default) without `pow`.
            let cn = benefitHill == 2 ? c * c : pow(c, benefitHill)
            builtFraction = cn / (cn + halfBenefitPower)
        } else {
            builtFraction = 0
        }
    }

    /// Whether nothing has ever been done: every load average exactly zero,
    /// so that a day without load leaves the capacity as it is (``endDay(load:)``
    /// of zeros gives zeros) and ``form`` and ``builtFraction`` are zero.
    @inline(__always)
    var isUntouched: Bool {
        (fitness.bitPattern | fatigue.bitPattern | acuteLoad.bitPattern | chronicLoad.bitPattern) == 0
    }

    mutating func countStrengthSession() {
        strengthSessions += 1
        strengthUntrained *= strengthSessionDecay
    }
}
