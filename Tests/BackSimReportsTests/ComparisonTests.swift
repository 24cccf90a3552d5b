import BackSimCore
import BackSimReports
import BackSimTestSupport
import Stochastics
import Foundation
import Testing

/// Paired comparisons, survival and Monte Carlo warnings on real runs.
@Suite struct ComparisonTests {
    static func run(_ policies: [String], persons: Int = 400, weeks: Int = 12, seed: UInt64 = 41) throws -> SimulationResult {
        try Runs.compare(cohort: "chronic", policies: policies, persons: persons, weeks: weeks, seed: seed)
    }

    @Test func aPolicyIdenticalToTheReferenceDiffersByExactlyZero() throws {
        // `fixed` twice under two labels: the same policy on the same people.
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [FixedPolicy(label: "a"), FixedPolicy(label: "b")],
            persons: 300, weeks: 8, seed: 3, threads: 2)
        let result = try Simulator.run(plan)
        let rows = ComparisonRow.rows(result, reference: "a", outcomes: [.pain, .disability])
        #expect(rows.count == 9 * 2)
        for row in rows {
            let d = try #require(row.difference)
            #expect(d.mean == 0 && d.interval?.low == 0 && d.interval?.high == 0)
            #expect(d.standardisedEffect == 0)
            #expect(row.passesThreshold == false)
        }
        #expect(RankingWarning.warnings(result).isEmpty, "identical policies are not an unresolved ranking")
        // Every other outcome too: quantities differ by 0, yes/no outcomes have no discordant person.
        for row in ComparisonRow.rows(result, reference: "a") where row.count > 0 {
            if let table = row.proportion {
                #expect(table.discordant == 0 && table.riskDifference == 0, "\(row.outcome.name) week \(row.week)")
                #expect(table.riskRatio == nil || table.riskRatio == 1)
                let interval = try #require(row.interval)
                #expect(interval.low < 0 && interval.high > 0, "Newcombe's interval does not collapse at b = c = 0")
            } else {
                #expect(row.difference?.mean == 0, "\(row.outcome.name) week \(row.week)")
            }
        }
    }

    /// Exact aggregation: for every outcome recorded for everyone, the mean
    /// paired difference equals the difference of the arms' means, and a
    /// yes/no outcome's 2 × 2 table has the arms' counts as its margins.
    @Test func everyOutcomesPairedDifferenceMatchesTheArms() throws {
        let result = try Self.run(["control", "guideline", "percent:30"], persons: 300, weeks: 8)
        var checked = 0
        for policy in 1...2 {
            for row in ComparisonRow.rows(result, reference: "control") where row.policy == result.policies[policy].label {
                let metric = row.outcome.metric
                let arm = result.policies[policy].summary(metric, week: row.week)
                let reference = result.policies[0].summary(metric, week: row.week)
                guard arm.n == 300, reference.n == 300, let a = arm.mean, let b = reference.mean else { continue }
                let estimate = try #require(row.estimate, "\(metric.name) week \(row.week)")
                #expect(abs(estimate - (a - b)) < 1e-9 * max(1, abs(a) + abs(b)), "\(metric.name) week \(row.week)")
                if let table = row.proportion {
                    #expect(table.bothYes + table.comparatorOnly == Int64((a * 300).rounded()))
                    #expect(table.bothYes + table.referenceOnly == Int64((b * 300).rounded()))
                }
                checked += 1
            }
        }
        #expect(checked > 2 * 8 * 15)
    }

    /// With the reference known, pairs with it are compared on every outcome
    /// exactly as without, and other pairs on pain and disability only.
    @Test func aKnownReferenceLimitsOtherPairsToPainAndDisability() throws {
        var plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: ["control", "guideline", "percent:30"].map { try! PolicyCatalogue.policy($0) },
            persons: 100, weeks: 4, seed: 8, threads: 2)
        let full = try Simulator.run(plan)
        plan.reference = 1
        let limited = try Simulator.run(plan)
        #expect(ComparisonsCSVRenderer.render(full, reference: "guideline") == ComparisonsCSVRenderer.render(limited, reference: "guideline"))
        let other = try #require(limited.comparison("percent:30", against: "control"))
        #expect(!other.isComplete && other.sample(.retention, week: 4) == nil)
        #expect(other.sample(.pain, week: 4) == full.comparison("percent:30", against: "control")?.sample(.pain, week: 4))
        #expect(RankingWarning.warnings(limited) == RankingWarning.warnings(full))
    }

    @Test func pairedDifferencesOfEveryOutcomeDoNotDependOnThreads() throws {
        func csv(_ threads: Int) throws -> String {
            var plan = SimulationPlan(
                cohort: BuiltInCohorts.mixed, policies: [ControlPolicy(), GuidelinePolicy(), try PolicyCatalogue.policy("percent:20")],
                persons: 150, weeks: 5, seed: 5, threads: threads)
            plan.grouping = .supervised
            return ComparisonsCSVRenderer.render(try Simulator.run(plan), reference: "guideline")
        }
        let one = try csv(1)
        #expect(one == (try csv(3)))
        #expect(one.hasPrefix("policy,group,reference,week,metric,stat,value\ncontrol,all,guideline,0,pain,mean_difference,"))
        #expect(one.contains("\npercent:20,supervised,guideline,5,retention,risk_difference,"))
        #expect(one.contains("\npercent:20,home,guideline,5,referred,discordant,"))
    }

    @Test func pairedDifferencesEqualTheDifferenceOfArmMeans() throws {
        let result = try Self.run(["control", "guideline"])
        let row = try #require(ComparisonRow.rows(result, reference: "control").first { $0.week == 12 && $0.outcome == .pain })
        let guideline = result.policies[1].series(.pain)!.weeks[12].mean!
        let control = result.policies[0].series(.pain)!.weeks[12].mean!
        #expect(abs(row.difference!.mean - (guideline - control)) < 1e-12)
        // Pairing removes between-person variation: the paired s.e. is well below the unpaired one.
        let unpaired = (pow(result.policies[0].series(.pain)!.weeks[12].standardDeviation!, 2) / 400
            + pow(result.policies[1].series(.pain)!.weeks[12].standardDeviation!, 2) / 400).squareRoot()
        #expect(row.difference!.standardError! < 0.8 * unpaired)
        #expect(row.difference!.mean < 0)
    }

    @Test func referenceCanBeAnyPolicyAndDifferencesReverse() throws {
        let result = try Self.run(["control", "guideline", "fixed"])
        let forward = ComparisonRow.rows(result, reference: "control").first { $0.policy == "fixed" && $0.week == 6 && $0.outcome == .pain }!
        let backward = ComparisonRow.rows(result, reference: "fixed").first { $0.policy == "control" && $0.week == 6 && $0.outcome == .pain }!
        #expect(forward.difference!.mean == -backward.difference!.mean)
    }

    @Test func survivalWithoutDropoutsStaysAtOne() throws {
        let result = try Self.run(["control"])
        let curve = try #require(Survival.retention(result.policies[0]))
        #expect(curve.steps.allSatisfy { $0.survival == 1 })
        let summary = SurvivalMetric.retentionKM.summary(curve, week: 12)
        #expect(summary.mean == 1 && summary.n == 400)
    }

    @Test func retentionCurveEqualsTheShareRetained() throws {
        let result = try Self.run(["guideline"])
        let curve = try #require(Survival.retention(result.policies[0]))
        for week in 1...12 {
            let retained = result.policies[0].series(.retention)!.weeks[week].mean!
            #expect(abs(curve.survival(at: week) - retained) < 1e-12)
        }
    }

    @Test func closePoliciesRaiseAWarningWithPersonsNeeded() throws {
        let result = try Self.run(["pain-monitoring:5", "pain-contingent:4"], persons: 60, weeks: 6)
        let warnings = RankingWarning.warnings(result)
        if let warning = warnings.first {
            #expect(warning.description.contains("simulated persons per policy needed to order these two at this Monte Carlo precision"))
            #expect((warning.personsToSeparate ?? 0) > 60)
        }
    }

    @Test func comparisonsCSVHasTheContractHeaderAndEveryStat() throws {
        let result = try Self.run(["control", "guideline"], persons: 50, weeks: 2)
        let lines = ComparisonsCSVRenderer.render(result, reference: "control").split(separator: "\n")
        #expect(lines[0] == "policy,reference,week,metric,stat,value")
        let yesNo = ComparisonMetric.all.filter(\.isYesNo).count
        let perWeek = yesNo * ComparisonRow.yesNoStats.count + (ComparisonMetric.all.count - yesNo) * ComparisonRow.quantityStats.count
        #expect(lines.count == 1 + 3 * perWeek)
        #expect(lines[1] == "guideline,control,0,pain,mean_difference,0")
        #expect(lines.contains("guideline,control,2,disability,threshold,-10"))
    }
}

/// `--by`: every outcome split by subgroup, the subgroups adding up to everyone.
@Suite struct SubgroupTests {
    @Test func subgroupsPartitionThePeopleAndTheCSVGainsAGroupColumn() throws {
        var plan = SimulationPlan(
            cohort: BuiltInCohorts.mixed, policies: [ControlPolicy(), GuidelinePolicy()], persons: 400, weeks: 3, seed: 9,
            threads: 2)
        plan.grouping = .condition
        let result = try Simulator.run(plan)
        #expect(result.groups.map(\.name) == ["acute", "persistent", "chronic", "post-surgical"])
        for week in 0...3 {
            var total = CountHistogram(range: 0...10)
            for group in result.groups { total.merge(group.policies[1].series(.pain)!.weeks[week]) }
            #expect(total == result.policies[1].series(.pain)!.weeks[week])
        }
        let lines = CSVRenderer.render(result).split(separator: "\n")
        #expect(lines[0] == "policy,group,week,metric,stat,value")
        #expect(lines[1].hasPrefix("control,all,0,pain,mean,"))
        #expect(lines.contains { $0.hasPrefix("guideline,post-surgical,3,pain,n,") })
    }
}
