/// What a policy can compute from observed session loads alone: daily
/// session-RPE loads (Foster 2001) reconstructed from each session's day,
/// the last four weekly totals, and exponentially weighted daily averages.
///
/// Used by load-based policies and by outcome reporting; it never sees the
/// model's latent capacity. No heap storage.
public struct LoadHistory: Sendable {
    /// Weekly loads, most recent first (index 0 = the week just observed).
    public private(set) var weekly = InlineArray<5, Double>(repeating: 0)
    /// Weeks observed so far.
    public private(set) var weeks = 0
    /// Daily EWMA with λ = 2/(7+1) (acute) and 2/(28+1) (chronic) (Williams 2017).
    public private(set) var acuteEWMA = 0.0
    /// Chronic daily EWMA, λ = 2/(28+1), AU/day.
    public private(set) var chronicEWMA = 0.0
    /// Performance-management-chart convention: EWMA time constants 42 and 7 days
    /// (fitness = chronic training load, fatigue = acute training load).
    public private(set) var fitness = 0.0
    /// Fatigue: 7-day EWMA of daily load (acute training load), AU/day.
    public private(set) var fatigue = 0.0

    /// No weeks observed yet.
    public init() {}

    /// No load ever observed (a `control` arm, or before a person's first
    /// session): every average, and so every weekly total, is exactly +0.
    /// (Loads are never negative, and a positive one leaves every average
    /// positive for far longer than the five weeks of totals kept.)
    @inlinable
    public var isUntouched: Bool {
        acuteEWMA.bitPattern | chronicEWMA.bitPattern | fitness.bitPattern | fatigue.bitPattern == 0
    }

    /// Adds a week: `dailyLoads[d]` is the load done on day d (0-6).
    public mutating func append(dailyLoads: InlineArray<7, Double>) {
        var total = 0.0
        // Still untouched after this week: every average stays exactly +0,
        // so skip the 28 updates and their chains of divisions.
        let loads = dailyLoads[0].bitPattern | dailyLoads[1].bitPattern | dailyLoads[2].bitPattern
            | dailyLoads[3].bitPattern | dailyLoads[4].bitPattern | dailyLoads[5].bitPattern | dailyLoads[6].bitPattern
        if isUntouched && loads == 0 {
            for index in stride(from: 4, to: 0, by: -1) { weekly[index] = weekly[index - 1] }
            weekly[0] = 0
            weeks += 1
            return
        }
        for day in 0..<7 {
            let load = dailyLoads[day]
            total += load
            acuteEWMA += (2.0 / 8) * (load - acuteEWMA)
            chronicEWMA += (2.0 / 29) * (load - chronicEWMA)
            fitness += (load - fitness) / 42
            fatigue += (load - fatigue) / 7
        }
        for index in stride(from: 4, to: 0, by: -1) { weekly[index] = weekly[index - 1] }
        weekly[0] = total
        weeks += 1
    }

    /// Adds the week a policy observed.
    public mutating func append(_ week: WeekObservation) {
        var daily = InlineArray<7, Double>(repeating: 0)
        for index in 0..<week.sessionsPrescribed where week.sessions[index].done {
            let session = week.sessions[index]
            daily[min(max(session.day, 0), 6)] += session.sessionLoad
        }
        append(dailyLoads: daily)
    }

    /// This week's load (acute load, AU/week).
    @inlinable
    public var acuteLoad: Double { weekly[0] }
    /// Mean weekly load of the last four weeks including this one (coupled), AU/week.
    @inlinable @inline(__always)
    public var chronicLoadCoupled: Double { (weekly[0] + weekly[1] + weekly[2] + weekly[3]) / 4 }
    /// Mean weekly load of the four weeks before this one (uncoupled), AU/week.
    @inlinable @inline(__always)
    public var chronicLoadUncoupled: Double { (weekly[1] + weekly[2] + weekly[3] + weekly[4]) / 4 }
    /// Form (training stress balance): fitness − fatigue, AU/day.
    @inlinable
    public var form: Double { fitness - fatigue }

    /// The acute:chronic workload ratio under `definition`; nil while the
    /// chronic load is zero (undefined, not infinite).
    @inlinable
    public func ratio(_ definition: ACWRDefinition) -> Double? {
        let (acute, chronic): (Double, Double)
        switch definition {
        case .coupled: (acute, chronic) = (acuteLoad, chronicLoadCoupled)
        case .uncoupled: (acute, chronic) = (acuteLoad, chronicLoadUncoupled)
        case .ewma: (acute, chronic) = (acuteEWMA, chronicEWMA)
        }
        return chronic > 0 ? acute / chronic : nil
    }
}

extension LoadHistory: Codable {
    private enum CodingKeys: String, CodingKey {
        case weekly, weeks, acuteEWMA, chronicEWMA, fitness, fatigue
    }

    /// Decodes what ``encode(to:)`` wrote.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weekly = try container.decode([Double].self, forKey: .weekly)
        guard weekly.count == 5 else {
            throw DecodingError.dataCorruptedError(
                forKey: .weekly, in: container, debugDescription: "expected 5 weekly loads, found \(weekly.count)")
        }
        for index in 0..<5 { self.weekly[index] = weekly[index] }
        weeks = try container.decode(Int.self, forKey: .weeks)
        acuteEWMA = try container.decode(Double.self, forKey: .acuteEWMA)
        chronicEWMA = try container.decode(Double.self, forKey: .chronicEWMA)
        fitness = try container.decode(Double.self, forKey: .fitness)
        fatigue = try container.decode(Double.self, forKey: .fatigue)
    }

    /// Encodes the five weekly totals and the four averages.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode((0..<5).map { weekly[$0] }, forKey: .weekly)
        try container.encode(weeks, forKey: .weeks)
        try container.encode(acuteEWMA, forKey: .acuteEWMA)
        try container.encode(chronicEWMA, forKey: .chronicEWMA)
        try container.encode(fitness, forKey: .fitness)
        try container.encode(fatigue, forKey: .fatigue)
    }
}

extension LoadHistory: Equatable {
    /// Same loads and averages.
    public static func == (a: LoadHistory, b: LoadHistory) -> Bool {
        (0..<5).allSatisfy { a.weekly[$0] == b.weekly[$0] } && a.weeks == b.weeks && a.acuteEWMA == b.acuteEWMA
            && a.chronicEWMA == b.chronicEWMA && a.fitness == b.fitness && a.fatigue == b.fatigue
    }
}

/// The three named definitions of the acute:chronic workload ratio
/// (docs/evidence.md §5): acute = 1 week; chronic = 4-week rolling mean
/// including the acute week (coupled; Gabbett 2016) or excluding it
/// (uncoupled; Lolli 2019 on mathematical coupling), or both exponentially
/// weighted over days with λ = 2/(N+1), N = 7 and 28 (Williams 2017).
public enum ACWRDefinition: String, CaseIterable, Sendable {
    /// Coupled, uncoupled (rolling 4-week means) or exponentially weighted daily averages.
    case coupled, uncoupled, ewma
}
