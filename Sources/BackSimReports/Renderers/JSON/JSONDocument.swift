import BackSimCore

/// The JSON renderer's document model; key names are the output contract.
struct JSONDocument: Encodable {
    struct Tool: Encodable {
        let name = ToolInfo.name
        let version = ToolInfo.version
    }

    struct PolicyResults: Encodable {
        let policy: String
        let metrics: [String: MetricResults]
    }

    struct MetricResults: Encodable {
        let unit: String
        let weeks: [WeekSummary]
    }

    struct WeekSummary: Encodable {
        let week: Int
        let summary: Summary

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(week, forKey: Key("week"))
            for stat in Summary.stats {
                // `encode` (not `encodeIfPresent`) so that nil becomes null.
                if stat == .n {
                    try container.encode(summary.n, forKey: Key(stat.name))
                } else {
                    try container.encode(summary[stat], forKey: Key(stat.name))
                }
            }
        }
    }

    struct Timing: Encodable {
        let wallSeconds: Double
        let personWeeks: Int
        let personWeeksPerSecond: Double?
        let threads: Int

        enum CodingKeys: String, CodingKey {
            case wallSeconds = "wall_seconds", personWeeks = "person_weeks"
            case personWeeksPerSecond = "person_weeks_per_second", threads
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(wallSeconds, forKey: .wallSeconds)
            try container.encode(personWeeks, forKey: .personWeeks)
            try container.encode(personWeeksPerSecond, forKey: .personWeeksPerSecond)
            try container.encode(threads, forKey: .threads)
        }
    }

    let tool = Tool()
    let cohort: String
    let persons: Int
    let weeks: Int
    let replications: Int
    let seed: UInt64
    let policies: [String]
    let results: [PolicyResults]
    let timing: Timing
    let scenario: Provenance?

    init(_ result: SimulationResult, timing: RunTiming, provenance: Provenance?) {
        scenario = provenance
        cohort = result.cohort
        persons = result.persons
        weeks = result.weeks
        replications = result.replications
        seed = result.seed
        policies = result.policies.map(\.label)
        results = result.policies.map { policy in
            PolicyResults(
                policy: policy.label,
                metrics: Dictionary(uniqueKeysWithValues: Metric.all.map { metric in
                    (metric.name, MetricResults(
                        unit: metric.unit,
                        weeks: (0...result.weeks).map { WeekSummary(week: $0, summary: policy.summary(metric, week: $0)) }))
                }))
        }
        self.timing = Timing(
            wallSeconds: timing.wallSeconds, personWeeks: timing.personWeeks,
            personWeeksPerSecond: timing.personWeeksPerSecond, threads: timing.threads)
    }
}

/// A coding key from a runtime name (statistic names come from ``Summary/Stat``).
private struct Key: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
