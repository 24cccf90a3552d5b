import Foundation

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
    /// Daily load tolerated without training, AU/day.
    let toleranceDaily: Double
    private static let acuteWeight = 2.0 / 8
    private static let chronicWeight = 2.0 / 29

    init(traits: PersonTraits, parameters p: ModelParameters) {
        let spread = p.timeConstantSD
        let tau1 = p.fitnessDays * exp(spread * traits.fitnessTimeEffect - spread * spread / 2)
        let tau2 = p.fatigueDays * exp(spread * traits.fatigueTimeEffect - spread * spread / 2)
        fitnessDecay = exp(-1 / tau1)
        fatigueDecay = exp(-1 / tau2)
        let dailyReference = p.referenceWeeklyLoad / 7
        fitnessReference = dailyReference / (1 - fitnessDecay)
        fatigueReference = dailyReference / (1 - fatigueDecay)
        strengthSessionDecay = exp(-1 / p.strengthSessions)
        toleranceDaily = (p.toleranceUnfit + (p.toleranceFit - p.toleranceUnfit) * traits.fitness) / 7
    }

    /// Capacity relative to the reference programme's steady state (0 = untrained).
    var level: Double { fitness / fitnessReference }
    /// Fitness minus fatigue, both relative to reference; negative = unaccustomed load.
    var form: Double { level - fatigue / fatigueReference }

    /// Ends a day on which load `load` (AU) was done.
    @inline(__always)
    mutating func endDay(load: Double) {
        fitness = fitness * fitnessDecay + load
        fatigue = fatigue * fatigueDecay + load
        acuteLoad += Self.acuteWeight * (load - acuteLoad)
        chronicLoad += Self.chronicWeight * (load - chronicLoad)
    }

    mutating func countStrengthSession() {
        strengthSessions += 1
        strengthUntrained *= strengthSessionDecay
    }
}
