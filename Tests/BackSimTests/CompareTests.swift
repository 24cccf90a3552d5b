// Only `import BackSim`, and the target enables MemberImportVisibility: every
// type and member used here must be reachable from the product alone.
import BackSim
import Testing

@Suite struct CompareTests {
    static let small = (persons: 300, weeks: 8)

    static func guidelineVersusControl(threads: Int = 2) throws -> Comparison {
        try compare(
            [GuidelinePolicy(), ControlPolicy()], cohort: BuiltInCohorts.chronic, persons: small.persons,
            weeks: small.weeks, seed: 7, threads: threads)
    }

    @Test func theReferenceIsControlWhenListedElseTheFirstPolicy() throws {
        #expect(try Self.guidelineVersusControl().reference == "control")
        let noControl = try compare([GuidelinePolicy(), FixedPolicy()], persons: 50, weeks: 2, seed: 1)
        #expect(noControl.reference == "guideline")
    }

    @Test func aDifferenceIsTheComparisonRowOfThatPolicyWeekAndOutcome() throws {
        let comparison = try Self.guidelineVersusControl()
        let difference = try comparison.difference(of: "guideline", outcome: .pain, week: 8)
        let row = try #require(ComparisonRow.rows(comparison.result, reference: "control").first {
            $0.policy == "guideline" && $0.week == 8 && $0.outcome == .pain
        })
        #expect(difference.estimate == row.value("mean_difference"))
        #expect(difference.interval?.low == row.value("ci_low"))
        #expect(difference.interval?.high == row.value("ci_high"))
        #expect(difference.standardError == row.value("mcse"))
        #expect(difference.count == Self.small.persons)
        #expect(difference.policy == "guideline" && difference.reference == "control" && difference.week == 8)
        let interval = try #require(difference.interval)
        #expect(interval.low < difference.estimate && difference.estimate < interval.high)
    }

    /// Every outcome the comparisons CSV reports has a typed difference, so
    /// outcomes added to `ComparisonMetric` are covered by `difference` too;
    /// where the row has no pairs (adherence: control prescribes nothing) it
    /// is an error, not a number.
    @Test func everyComparisonOutcomeHasATypedDifference() throws {
        let comparison = try Self.guidelineVersusControl()
        let week = Self.small.weeks
        var defined = 0
        for outcome in ComparisonMetric.all {
            let row = try #require(ComparisonRow.rows(comparison.result, reference: "control").first {
                $0.policy == "guideline" && $0.week == week && $0.outcome == outcome
            })
            guard let estimate = row.estimate, row.count > 0 else {
                #expect(throws: ComparisonError.noPairs(policy: "guideline", reference: "control", week: week)) {
                    try comparison.difference(of: "guideline", outcome: outcome, week: week)
                }
                continue
            }
            let difference = try comparison.difference(of: "guideline", outcome: outcome, week: week)
            #expect(difference.estimate == estimate, "\(outcome.name)")
            #expect(difference.interval == row.interval && difference.isImportant == row.passesThreshold)
            #expect(difference.outcome == outcome)
            defined += 1
        }
        #expect(defined >= ComparisonMetric.all.count / 2)
    }

    @Test func theReversedDifferenceIsTheNegative() throws {
        let comparison = try Self.guidelineVersusControl()
        let forward = try comparison.difference(of: "guideline", outcome: .disability, week: 4)
        let backward = try comparison.difference(of: "control", versus: "guideline", outcome: .disability, week: 4)
        #expect(forward.estimate == -backward.estimate)
        #expect(forward.interval?.low == backward.interval.map { -$0.high })
    }

    @Test func baselineDifferencesAreZeroBecauseThePeopleAreTheSame() throws {
        let difference = try Self.guidelineVersusControl().difference(of: "guideline", outcome: .pain, week: 0)
        #expect(difference.estimate == 0)
    }

    @Test func aSummaryIsThePolicyOutcomesSummary() throws {
        let comparison = try Self.guidelineVersusControl()
        let summary = try comparison.summary(of: GuidelinePolicy(), outcome: .adherence, week: 3)
        #expect(summary == comparison.result.policies[0].summary(.adherence, week: 3))
        // Adherence is recorded for persons with sessions prescribed that week.
        #expect(summary.n > 0 && summary.n <= Int64(Self.small.persons))
        #expect(try comparison.summary(of: "control", outcome: .pain, week: 3).n == Int64(Self.small.persons))
        let mean = try #require(summary.mean)
        #expect(mean > 0 && mean <= 1)
    }

    @Test func resultTypesCanBeNamedAndRead() throws {
        let comparison = try Self.guidelineVersusControl()
        let histogram: CountHistogram = try #require(comparison.result.policies[0].series(.pain)).weeks[0]
        let pairs: PairedComparison = try #require(comparison.result.comparison("guideline", against: "control"))
        let sample: PairedSample = try #require(pairs.sample(.responder30, week: 4))
        let table: PairedProportion = try #require(sample.table)
        let paired: PairedDifference? = ComparisonRow.rows(comparison.result, reference: "control")[0].difference
        let interval: ConfidenceInterval? = paired?.interval
        #expect(histogram.count == Int64(Self.small.persons))
        #expect(histogram.mean != nil)
        #expect(sample.count == Int64(Self.small.persons) && table.count == sample.count)
        #expect(interval != nil)
    }

    @Test func figuresDoNotDependOnTheThreadCount() throws {
        let one = try Self.guidelineVersusControl(threads: 1)
        let two = try Self.guidelineVersusControl(threads: 2)
        #expect(one.result.policies == two.result.policies)
        #expect(one.result.comparisons == two.result.comparisons)
    }

    @Test func theLibraryDefaultsToEveryCoreAsTheCommandLineDoes() {
        let plan = SimulationPlan(cohort: BuiltInCohorts.chronic, policies: [ControlPolicy()])
        #expect(plan.threads == SimulationPlan.allCores)
        #expect(plan.persons == 2_000 && plan.weeks == 26 && plan.replications == 1 && plan.seed == 1)
    }
}

@Suite struct ComparisonErrorTests {
    @Test func aPolicyAgainstItselfIsAnError() throws {
        let comparison = try CompareTests.guidelineVersusControl()
        #expect(throws: ComparisonError.samePolicy("control")) {
            try comparison.difference(of: "control", outcome: .pain, week: 2)
        }
        #expect(comparison.result.comparison("guideline", against: "guideline") == nil)
        #expect(ComparisonError.samePolicy("control").description
            == "'control' is compared with itself; choose another policy or reference")
    }

    @Test func unknownPoliciesAndWeeksNameWhatExists() throws {
        let comparison = try CompareTests.guidelineVersusControl()
        #expect(throws: ComparisonError.unknownPolicy("percent:10", compared: ["guideline", "control"])) {
            try comparison.summary(of: "percent:10", outcome: .pain, week: 2)
        }
        #expect(throws: ComparisonError.week(9, weeks: 8)) {
            try comparison.difference(of: "guideline", outcome: .pain, week: 9)
        }
        #expect(throws: ComparisonError.week(-1, weeks: 8)) {
            try comparison.summary(of: "guideline", outcome: .pain, week: -1)
        }
        #expect(ComparisonError.unknownPolicy("percent:10", compared: ["guideline", "control"]).description
            == "unknown policy 'percent:10'; this comparison has guideline, control")
        #expect(ComparisonError.week(9, weeks: 8).description == "week: must be from 0 to 8, got 9")
    }
}
