import BackSimCore

/// The JSON renderer's document model; key names are the output contract.
struct JSONDocument: Encodable {
    struct Tool: Encodable {
        let name = ToolInfo.name
        let version = ToolInfo.version
        let modelVersion = ToolInfo.modelVersion
        let randomStreamVersion = ToolInfo.randomStreamVersion

        enum CodingKeys: String, CodingKey {
            case name, version, modelVersion = "model_version", randomStreamVersion = "random_stream_version"
        }
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
    let reference: String?
    let comparisons: [ComparisonResults]
    let survival: [SurvivalResults]
    let warnings: [String]
    let grouping: String
    let groups: [GroupResults]
    /// Only when the cohort has enrolment criteria (absent otherwise).
    let screening: Screening?

    struct Screening: Encodable {
        /// Candidates screened over all replications.
        let screened: Int
        /// Persons enrolled over all replications.
        let enrolled: Int
        /// Mean screening report of the enrolled, NRS 0-10.
        let mean_screening_pain: Double
    }

    struct ComparisonResults: Encodable {
        let policy: String
        let reference: String
        let outcome: String
        let unit: String
        let kind: String
        let threshold: Double?
        let weeks: [ComparisonWeek]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(policy, forKey: Key("policy"))
            try container.encode(reference, forKey: Key("reference"))
            try container.encode(outcome, forKey: Key("outcome"))
            try container.encode(unit, forKey: Key("unit"))
            try container.encode(kind, forKey: Key("kind"))
            try container.encode(threshold, forKey: Key("threshold"))
            try container.encode(weeks, forKey: Key("weeks"))
        }
    }

    struct ComparisonWeek: Encodable {
        let row: ComparisonRow
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(row.week, forKey: Key("week"))
            for stat in row.stats where stat != "threshold" {
                let value = row.value(stat)
                if stat == "n" || stat == "discordant" { try container.encode(Int64(value ?? 0), forKey: Key(stat)) } else {
                    try container.encode(value.flatMap { $0.isFinite ? $0 : nil }, forKey: Key(stat))
                }
            }
        }
    }

    struct SurvivalResults: Encodable {
        let policy: String
        let retention: [CurvePoint]
        let timeToResponse30: Median

        enum CodingKeys: String, CodingKey { case policy, retention, timeToResponse30 = "time_to_response_30" }
    }

    struct CurvePoint: Encodable {
        let week: Int
        let estimate: Double?
        let ciLow: Double?
        let ciHigh: Double?
        let atRisk: Int64
        enum CodingKeys: String, CodingKey { case week, estimate, ciLow = "ci_low", ciHigh = "ci_high", atRisk = "at_risk" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(week, forKey: .week)
            try container.encode(estimate, forKey: .estimate)
            try container.encode(ciLow, forKey: .ciLow)
            try container.encode(ciHigh, forKey: .ciHigh)
            try container.encode(atRisk, forKey: .atRisk)
        }
    }

    /// Kaplan-Meier median week with its interval; null when not reached.
    struct Median: Encodable {
        let median: Int?
        let ciLow: Int?
        let ciHigh: Int?
        enum CodingKeys: String, CodingKey { case median, ciLow = "ci_low", ciHigh = "ci_high" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(median, forKey: .median)
            try container.encode(ciLow, forKey: .ciLow)
            try container.encode(ciHigh, forKey: .ciHigh)
        }
    }

    struct GroupResults: Encodable {
        let name: String
        let results: [PolicyResults]
        let comparisons: [ComparisonResults]
    }

    static func policyResults(_ policies: [PolicyOutcome], weeks: Int) -> [PolicyResults] {
        policies.map { policy in
            PolicyResults(
                policy: policy.label,
                metrics: Dictionary(uniqueKeysWithValues: Metric.all.map { metric in
                    (metric.name, MetricResults(
                        unit: metric.unit,
                        weeks: (0...weeks).map { WeekSummary(week: $0, summary: policy.summary(metric, week: $0)) }))
                }))
        }
    }

    static func comparisonResults(_ rows: [ComparisonRow]) -> [ComparisonResults] {
        var grouped: [(String, ComparisonMetric, [ComparisonRow])] = []
        for row in rows {
            if let index = grouped.firstIndex(where: { $0.0 == row.policy && $0.1 == row.outcome }) {
                grouped[index].2.append(row)
            } else {
                grouped.append((row.policy, row.outcome, [row]))
            }
        }
        return grouped.map { policy, outcome, rows in
            ComparisonResults(
                policy: policy, reference: rows[0].reference, outcome: outcome.name, unit: outcome.unit,
                kind: outcome.isYesNo ? "yes/no" : "quantity", threshold: outcome.threshold,
                weeks: rows.map(ComparisonWeek.init))
        }
    }

    init(_ result: SimulationResult, timing: RunTiming, provenance: Provenance?, reference: String?) {
        scenario = provenance
        self.reference = reference
        let rows = reference.map { ComparisonRow.rows(result, reference: $0) } ?? []
        comparisons = Self.comparisonResults(rows)
        survival = result.policies.map { policy in
            let retention = Survival.retention(policy)
            let response = Survival.timeToResponse(policy)
            return SurvivalResults(
                policy: policy.label,
                retention: (0...result.weeks).map { week in
                    let summary = SurvivalMetric.retentionKM.summary(retention, week: week)
                    return CurvePoint(week: week, estimate: summary.mean, ciLow: summary.ciLow, ciHigh: summary.ciHigh, atRisk: summary.n)
                },
                timeToResponse30: Median(
                    median: response?.median, ciLow: response?.medianInterval.low, ciHigh: response?.medianInterval.high))
        }
        warnings = RankingWarning.warnings(result).map(\.description)
        grouping = result.grouping.rawValue
        groups = result.groups.map { group in
            GroupResults(
                name: group.name, results: Self.policyResults(group.policies, weeks: result.weeks),
                comparisons: Self.comparisonResults(reference.map { ComparisonRow.rows(group, weeks: result.weeks, reference: $0) } ?? []))
        }
        if let screened = result.screened, let reports = result.screeningReports {
            screening = Screening(
                screened: screened, enrolled: result.persons * result.replications,
                mean_screening_pain: reports.mean ?? 0)
        } else {
            screening = nil
        }
        cohort = result.cohort
        persons = result.persons
        weeks = result.weeks
        replications = result.replications
        seed = result.seed
        policies = result.policies.map(\.label)
        results = Self.policyResults(result.policies, weeks: result.weeks)
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
