import BackSimCore
import BackSimScenario
import Stochastics
import Synchronization
import Testing

@testable import BackSimCalibration

/// The distribution outcomes of target files: each rule on hand-made reports
/// with known answers, each estimate on constructed tallies, and each end to
/// end against an independent computation from the per-person records.
@Suite struct DistributionTargetTests {
    // MARK: Rules on constructed reports (index 0 = the baseline week)

    @Test func aStateIsFirstEnteredAfterBaselineAndCanNeedWeeksInARow() {
        let painFree = PainState(.painAtMost(0))
        #expect(painFree.firstWeek([5, 3, 0, 2, 0, 0]) == 2)
        #expect(painFree.firstWeek([0, 1, 0]) == 2, "the baseline week never counts")
        #expect(painFree.firstWeek([5, 1, 1]) == nil)
        let sustained = PainState(.painAtMost(0), weeksInARow: 2)
        #expect(sustained.firstWeek([5, 3, 0, 2, 0, 0]) == 5)
        #expect(sustained.firstWeek([5, 0, 1, 0]) == nil)
        #expect(PainState(.painAtMost(3)).firstWeek([6, 4, 3]) == 2, "at or under the level")
    }

    @Test func improvementIsFromTheBaselineReportAtItsEdge() {
        let responder = PainState(.improvementAtLeast(percent: 30))
        #expect(responder.holds(report: 7, baseline: 10), "exactly 30% less")
        #expect(!responder.holds(report: 8, baseline: 10))
        #expect(responder.holds(report: 4, baseline: 6), "33% less")
        #expect(!responder.holds(report: 5, baseline: 6), "17% less")
        #expect(!responder.holds(report: 0, baseline: 0), "a baseline of 0 cannot improve")
        #expect(responder.firstWeek([10, 8, 7, 9]) == 2)
    }

    @Test func monthlyMeansAreComparedExactlyAtTheirEdges() {
        // Weeks 1-4: mean 6; weeks 5-8: mean 2.
        let reports: ArraySlice<Int> = [9, 6, 6, 6, 6, 2, 1, 2, 3][...]
        func rule(_ months: ClosedRange<Int>, _ quantifier: MonthlyRule.Condition.Quantifier,
                  _ comparison: MonthlyRule.Condition.Comparison, _ threshold: Double) -> Bool {
            MonthlyRule(weeks: 1...8, conditions: [
                .init(months: months, quantifier: quantifier, comparison: comparison, threshold: threshold),
            ]).holds(reports)
        }
        #expect(rule(1...1, .every, .atLeast, 6))
        #expect(!rule(1...1, .every, .atLeast, 6.01))
        #expect(rule(2...2, .every, .atMost, 2), "mean exactly 2")
        #expect(!rule(2...2, .every, .atMost, 1.99))
        #expect(!rule(1...2, .every, .atMost, 2))
        #expect(rule(1...2, .any, .atMost, 2))
        #expect(!rule(1...2, .any, .atMost, 1.5))
        #expect(rule(1...2, .mean, .atLeast, 4), "mean of the 8 weeks is 4")
        #expect(!rule(1...2, .mean, .atLeast, 4.01))
        // Every condition must hold ("severe early, recovered late").
        let both = MonthlyRule(weeks: 1...8, conditions: [
            .init(months: 1...1, quantifier: .every, comparison: .atLeast, threshold: 5),
            .init(months: 2...2, quantifier: .every, comparison: .atMost, threshold: 2),
        ])
        #expect(both.holds(reports))
        // A window that starts later: months count from its first week.
        let late = MonthlyRule(weeks: 5...8, conditions: [
            .init(months: 1...1, quantifier: .every, comparison: .atMost, threshold: 2),
        ])
        #expect(late.holds(reports))
    }

    // MARK: Estimates from constructed tallies

    static let courseTargets = """
        name: courses
        description: constructed
        targets:
          - name: pain-free
            cohort: persistent
            policy: guideline
            versus: control
            outcome: cumulative_share
            state: {pain_at_most: 0}
            time_zero: presentation
            entry_week: 13
            follow_up: 16
            range: [0, 1]
            source: x
          - name: recovery
            cohort: persistent
            policy: control
            outcome: time_to_recovery
            state: {pain_at_most: 0}
            time_zero: presentation
            entry_week: 13
            follow_up: 17
            value: 15
            interval: [14, 16]
            source: x

        """

    @Test func aPairedShareFromConstructedPeople() throws {
        let file = try Support.parse(Self.courseTargets)
        let target = file.targets[0]
        #expect(target.time == .week(3), "follow-up 16 from presentation is the cohort's week 3")
        // Four persons, two policies (0 = guideline, 1 = control), weeks 0-3.
        let courses: [[[Int]]] = [
            [[6, 3, 0, 2], [6, 2, 0, 4]],  // pain-free under both
            [[5, 2, 1, 0], [5, 4, 4, 3]],  // only under guideline
            [[7, 6, 5, 4], [7, 6, 6, 6]],  // under neither
            [[4, 1, 1, 1], [4, 3, 2, 1]],  // under neither
        ]
        let sink = PersonCourses(
            measures: [.init(definition: target.definition!, policy: 0, versus: 1, week: 3)], weeks: 3, policies: 2)
        try sink.write(chunk: 0, records: Self.records(courses))
        let tally = sink.tallies[0]
        #expect(tally == PersonCourses.Tally(persons: 4, hits: 2, versusHits: 1, differenceSquares: 1))
        let estimate = TargetEstimate(share: target, tally: tally)
        // Differences 0, 1, 0, 0: mean 0.25, sample variance 0.25, se √(0.25/4) = 0.25.
        #expect(estimate.value == 0.25)
        #expect(estimate.standardError == 0.25)
        #expect(estimate.errorMethod == .paired)
    }

    @Test func aMedianTimeFromConstructedFirstWeeks() throws {
        let target = try Support.parse(Self.courseTargets).targets[1]
        #expect(target.time == .week(4))
        // 10 persons: 2 first pain-free in week 1, 3 in week 2, 1 in week 3, 4 not by week 4.
        // S(1) = 0.8, S(2) = 0.5: the median is week 2, 15 weeks from presentation.
        let tally = PersonCourses.Tally(persons: 10, firstWeeks: [0, 2, 3, 1, 0, 4])
        let estimate = TargetEstimate(timeTo: target, entryWeek: 13, tally: tally)
        #expect(estimate.value == 15)
        #expect(estimate.errorMethod == .kaplanMeier)
        let curve = try KaplanMeier([
            .init(time: 1, atRisk: 10, events: 2), .init(time: 2, atRisk: 8, events: 3),
            .init(time: 3, atRisk: 5, events: 1), .init(time: 4, atRisk: 4, events: 0, censored: 4),
        ])
        #expect(curve.median == 2)
        let interval = try #require(estimate.interval)
        #expect(interval.low == Double((curve.medianInterval.low ?? 1) + 13))
        #expect(interval.high == (curve.medianInterval.high.map { Double($0 + 13) } ?? .infinity))
        // Fewer than half ever recover: no median, no data.
        let few = TargetEstimate(timeTo: target, entryWeek: 13, tally: .init(persons: 10, firstWeeks: [0, 1, 1, 0, 0, 8]))
        #expect(few.value == nil && few.verdict == .noData)
    }

    /// Records in the engine's order (person, policy, week) for `courses[person][policy][week]`.
    static func records(_ courses: [[[Int]]]) -> [PersonWeekRecord] {
        var records: [PersonWeekRecord] = []
        for (person, policies) in courses.enumerated() {
            for (policy, reports) in policies.enumerated() {
                for (week, report) in reports.enumerated() {
                    var record = template
                    record.person = person
                    record.policy = policy
                    record.week = week
                    record.pain = report
                    records.append(record)
                }
            }
        }
        return records
    }

    /// Any record (its other fields are not read).
    static let template: PersonWeekRecord = {
        final class First: PersonWeekSink {
            let record = Mutex<PersonWeekRecord?>(nil)
            func write(chunk: Int, records: [PersonWeekRecord]) throws { record.withLock { $0 = $0 ?? records.first } }
            func finish() throws {}
        }
        let first = First()
        _ = try? Simulator.run(
            SimulationPlan(cohort: BuiltInCohorts.chronic, policies: [ControlPolicy()], persons: 1, weeks: 1), perPerson: first)
        return first.record.withLock { $0! }
    }()

    // MARK: End to end, against the per-person records

    static let yaml = """
        name: distributions
        description: every distribution outcome on one run
        persons: 300
        seed: 5
        targets:
          - {name: smd, cohort: chronic, policy: guideline, versus: control, outcome: standardised_difference, of: pain, week: 12, value: -0.3, interval: [-0.6, -0.1], source: x}
          - {name: smd-disability, cohort: chronic, policy: guideline, versus: control, outcome: standardised_difference, of: disability, week: 12, value: -0.3, interval: [-0.6, -0.1], source: x}
          - {name: low-pain, cohort: chronic, policy: guideline, outcome: share_pain_at_most, level: 3, week: 12, range: [0, 1], source: x}
          - {name: low-pain-difference, cohort: chronic, policy: guideline, versus: control, outcome: share_pain_at_most, level: 3, unit: percent, week: 12, range: [-100, 100], source: x}
          - {name: responders, cohort: chronic, policy: guideline, versus: control, outcome: cumulative_share, state: {improvement_at_least: 30, weeks_in_a_row: 2}, time_zero: randomisation, follow_up: 8, range: [-1, 1], source: x}
          - {name: severe, cohort: chronic, policy: control, outcome: monthly_pattern, weeks: [1, 12], rule: [{months: [1, 3], every_at_least: 5}], range: [0, 1], source: x}
          - {name: recovery, cohort: chronic, policy: guideline, outcome: time_to_recovery, state: {improvement_at_least: 30}, time_zero: randomisation, follow_up: 12, value: 3, interval: [1, 12], source: x}

        """

    final class Collector: PersonWeekSink {
        let chunks = Mutex<[Int: [PersonWeekRecord]]>([:])
        func write(chunk: Int, records: [PersonWeekRecord]) throws { chunks.withLock { $0[chunk] = records } }
        func finish() throws {}
        var ordered: [PersonWeekRecord] { chunks.withLock { chunks in chunks.keys.sorted().flatMap { chunks[$0]! } } }
    }

    @Test func everyOutcomeEqualsAnIndependentCountOverThePeople() throws {
        let file = try Support.parse(Self.yaml)
        let estimates = try EvidenceRunner(files: [file], settings: .init(threads: 2)).evaluate()
        let again = try EvidenceRunner(files: [file], settings: .init(threads: 1)).evaluate()
        #expect(estimates.map(\.value) == again.map(\.value), "independent of the thread count")
        #expect(estimates.map(\.standardError) == again.map(\.standardError))

        // The same run, every person-week collected.
        let collector = Collector()
        _ = try Simulator.run(
            SimulationPlan(cohort: BuiltInCohorts.chronic, policies: [GuidelinePolicy(), ControlPolicy()], persons: 300,
                           weeks: 12, seed: 5, threads: 2),
            perPerson: collector)
        let records = collector.ordered
        func values(_ policy: Int, week: Int, _ field: (PersonWeekRecord) -> Int) -> [Double] {
            records.filter { $0.policy == policy && $0.week == week }.map { Double(field($0)) }
        }
        func course(_ person: Int, _ policy: Int) -> [Int] {
            records.filter { $0.person == person && $0.policy == policy }.sorted { $0.week < $1.week }.map(\.pain)
        }
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func variance(_ x: [Double]) -> Double { let m = mean(x); return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1) }

        // SMD: mean difference over the pooled between-person SD √((s₁² + s₂²)/2).
        for (index, field) in [(0, { (r: PersonWeekRecord) in r.pain }), (1, { (r: PersonWeekRecord) in r.disability })] {
            let a = values(0, week: 12, field), b = values(1, week: 12, field)
            let smd = (mean(a) - mean(b)) / ((variance(a) + variance(b)) / 2).squareRoot()
            #expect(abs(estimates[index].value! - smd) < 1e-12)
            #expect(estimates[index].value! < 0, "exercise lowers pain and disability")
        }

        // Share at or under 3 at week 12, and its difference in percent.
        let low = values(0, week: 12) { $0.pain }.filter { $0 <= 3 }.count
        let lowControl = values(1, week: 12) { $0.pain }.filter { $0 <= 3 }.count
        #expect(estimates[2].value == Double(low) / 300)
        #expect(abs(estimates[3].value! - 100 * Double(low - lowControl) / 300) < 1e-9)

        // Cumulative share of sustained ≥30% responders by week 8, paired.
        func responded(_ person: Int, _ policy: Int) -> Bool {
            let reports = course(person, policy)
            return (2...8).contains { week in
                [week - 1, week].allSatisfy { 10 * (reports[0] - reports[$0]) >= 3 * reports[0] && reports[0] > 0 }
            }
        }
        let differences = (0..<300).map { Double((responded($0, 0) ? 1 : 0) - (responded($0, 1) ? 1 : 0)) }
        #expect(abs(estimates[4].value! - mean(differences)) < 1e-12)
        #expect(abs(estimates[4].standardError! - (variance(differences) / 300).squareRoot()) < 1e-12)
        #expect(estimates[4].errorMethod == .paired)

        // Control people whose monthly means (weeks 1-4, 5-8, 9-12) are all ≥ 5.
        func monthlyMean(_ reports: [Int], _ month: Int) -> Double {
            let weeks = reports[(4 * month + 1)...(4 * month + 4)]
            let sum: Int = weeks.reduce(0, +)
            return Double(sum) / 4
        }
        let severe = (0..<300).filter { person in
            let reports = course(person, 1)
            return (0..<3).allSatisfy { monthlyMean(reports, $0) >= 5 }
        }.count
        #expect(estimates[5].value == Double(severe) / 300)
        #expect(severe > 0 && severe < 300)

        // Median week of the first ≥30% report: nobody is censored before
        // week 12, so it is the first week by which half have responded.
        let firstWeeks = (0..<300).map { person -> Int in
            let reports = course(person, 0)
            return (1...12).first { reports[0] > 0 && 10 * (reports[0] - reports[$0]) >= 3 * reports[0] } ?? 13
        }
        let median = (1...12).first { week in 2 * firstWeeks.filter { $0 <= week }.count >= 300 }
        #expect(estimates[6].value == median.map(Double.init))
        #expect(estimates[6].interval!.low <= estimates[6].value! && estimates[6].value! <= estimates[6].interval!.high)
    }

    // MARK: Validation

    @Test func definitionsAreCheckedWithExactMessages() {
        let smd = "name: s\ncohort: chronic\npolicy: guideline\noutcome: standardised_difference\nof: pain\nweek: 12\nvalue: -0.3\ninterval: [-0.5, -0.1]\nsource: x"
        #expect(Support.problems(targetFile(smd)) == [
            "t.yaml:4:5: error: targets[0].versus: missing 'versus': a standardised difference needs a second policy",
        ])
        #expect(Support.problems(targetFile(smd + "\nversus: control\nlevel: 3")) == [
            "t.yaml:14:12: error: targets[0].level: 'level' is for share_pain_at_most, not standardised_difference; remove it",
        ])
        let share = "name: s\ncohort: chronic\npolicy: control\noutcome: share_pain_at_most\nweek: 12\nrange: [0, 1]\nsource: x"
        #expect(Support.problems(targetFile(share)) == [
            "t.yaml:4:5: error: targets[0].level: missing 'level': share_pain_at_most needs a pain level",
        ])
        let monthly = "name: m\ncohort: chronic\npolicy: control\noutcome: monthly_pattern\nweeks: [1, 10]\nrule: [{months: [1, 2], every_at_least: 5}]\nrange: [0, 1]\nsource: x"
        #expect(Support.problems(targetFile(monthly)) == [
            "t.yaml:8:12: error: targets[0].weeks: expected whole months of 4 weeks, found 10 weeks (1-10)",
        ])
        let badRule = monthly.replacingOccurrences(of: "[1, 10]", with: "[1, 8]")
            .replacingOccurrences(of: "every_at_least: 5", with: "every_at_least: 5, any_at_most: 2")
        #expect(Support.problems(targetFile(badRule)) == [
            "t.yaml:9:12: error: targets[0].rule[0]: expected exactly one of every_at_least, every_at_most, any_at_least, any_at_most, mean_at_least, mean_at_most, found every_at_least, any_at_most",
        ])
        let reached = "name: c\ncohort: persistent\npolicy: control\noutcome: cumulative_share\nstate: {pain_at_most: 0}\ntime_zero: presentation\nentry_week: 13\nfollow_up: 13\nrange: [0, 1]\nsource: x"
        #expect(Support.problems(targetFile(reached)) == [
            "t.yaml:11:16: error: targets[0].follow_up: expected a follow-up week from 14 to 533 (after the cohort's entry at week 13 from the time zero), found 13",
        ])
        let median = "name: t\ncohort: persistent\npolicy: guideline\nversus: control\noutcome: time_to_recovery\nstate: {pain_at_most: 0}\ntime_zero: entry\nfollow_up: 20\nvalue: 8\ninterval: [6, 10]\nsource: x"
        #expect(Support.problems(targetFile(median)) == [
            "t.yaml:7:13: error: targets[0].versus: time_to_recovery is a median of one arm; remove 'versus' (or write one target per arm)",
        ])
    }

    @Test func aTargetSummaryStatesItsDefinitionAndFollowUp() throws {
        let file = try Support.parse(Self.courseTargets)
        #expect(file.targets[0].summary
            == "cumulative_share (pain ≤ 0, from presentation (cohort enters at week 13)) share, guideline − control, follow-up week 16 (cohort week 3), persistent")
        #expect(file.targets[1].summary
            == "time_to_recovery (pain ≤ 0, from presentation (cohort enters at week 13)) weeks, control, followed to week 17 (cohort week 4), persistent")
    }
}
