import BackSimCore
import Testing
@testable import BackSimStudies

@Suite struct SweepTests {
    /// With no exercise benefit, guideline's soreness and flare-ups make pain
    /// slightly worse than control; with benefit, better: the ranking flips,
    /// and the flip's interval brackets the point where it crosses zero.
    @Test func rankingFlipWithAnInterval() throws {
        let scenario = try studyScenario(persons: 400, policies: "[control, guideline]")
        let axis = try SweepAxis(parsing: "capacity.pain_benefit=0:0.3:0.05")
        let sweep = try Sweep(scenario: scenario, axes: [axis], outcomes: [.pain], week: 12, reference: nil, threads: 2)
        let result = try sweep.run()
        #expect(result.cells.map { $0.values } == [[0], [0.05], [0.1], [0.15], [0.2], [0.25], [0.3]])
        let differences = result.cells.map { $0.estimates[0][1].difference }
        #expect(differences.first! > 0 && differences.last! < 0)
        let flip = try #require(result.flips.first)
        #expect(result.flips.count == 1)
        #expect((flip.first, flip.second, flip.betterBelow) == ("control", "guideline", "control"))
        #expect(flip.interval.contains(flip.at))
        let k = differences.firstIndex { $0 < 0 }!
        #expect(result.cells[k - 1].values[0] <= flip.at && flip.at <= result.cells[k].values[0])
    }

    /// `percent=5:15:5` runs percent:5, :10, :15 beside the others, replacing
    /// the scenario's own percent policy; each cell holds its own value.
    @Test func policyAxisAddsOnePolicyPerValue() throws {
        let scenario = try studyScenario(persons: 100, weeks: 4)
        let sweep = try Sweep(
            scenario: scenario, axes: [try SweepAxis(parsing: "percent=5:15:5")], outcomes: [.pain, .retention], week: 4,
            reference: nil, threads: 2)
        #expect(sweep.scenario.policyLabels == ["control", "guideline", "percent:5", "percent:10", "percent:15"])
        let result = try sweep.run()
        #expect(result.cells.map { $0.estimates[0].map(\.policy) } == [
            ["control", "guideline", "percent:5"], ["control", "guideline", "percent:10"], ["control", "guideline", "percent:15"],
        ])
        // The same persons and luck: control and guideline are identical in every cell.
        #expect(Set(result.cells.map { $0.estimates[0][1] }).count == 1)
        #expect(throws: SweepError.referenceVaried("percent:5")) {
            try Sweep(scenario: scenario, axes: [try SweepAxis(parsing: "percent=5:15:5")], outcomes: [.pain], week: 4,
                      reference: "percent:5", threads: 1)
        }
    }

    @Test func twoWayGridAndThreadIndependence() throws {
        let scenario = try studyScenario(persons: 80, weeks: 4)
        func csv(threads: Int) throws -> String {
            let sweep = try Sweep(
                scenario: scenario, axes: [try SweepAxis(parsing: "dropout.base=-4.5:-3.5:0.5"), try SweepAxis(parsing: "percent=10:20:10")],
                outcomes: [.pain], week: 4, reference: nil, threads: threads)
            let report = SweepReport(try sweep.run(), provenance: StudyProvenance(
                scenario: "s", origin: "o", contentHash: "h", seed: 41, persons: 80, settings: [], overriddenByFlags: []))
            return report.csv() + report.json() + report.html()
        }
        let one = try csv(threads: 1)
        #expect(one == (try csv(threads: 2)))
        #expect(one.hasPrefix("parameter,parameter_value,parameter_2,parameter_2_value,policy,reference,week,metric,stat,value\n"))
        #expect(one.contains("dropout.base,-4,percent,20,percent:20,control,4,pain,mean,"))
    }

    @Test func settingsApplyAndRefuse() throws {
        var scenario = try studyScenario()
        for setting in try ParameterSetting.parseAll(["dropout.base=-3.2", "percent=25"]) { try setting.apply(to: &scenario) }
        #expect(scenario.parameters.dropoutBase == -3.2)
        #expect(scenario.policyLabels == ["control", "guideline", "percent:25"])
        #expect(throws: ParameterSettingError.outOfRange("flare.base", value: 2, "from 0 to 1 (probability per session)")) {
            try ParameterSetting(parsing: "flare.base=2")
        }
        #expect(throws: ParameterSettingError.unknown("dropout.bsae", suggestion: "dropout.base")) {
            try ParameterSetting(parsing: "dropout.bsae=1")
        }
        #expect(throws: ParameterSettingError.twice("percent")) { try ParameterSetting.parseAll(["percent=20,percent=30"]) }
        var other = try studyScenario(policies: "[control, guideline]")
        #expect(throws: ParameterSettingError.noSuchPolicy("rpe", ["control", "guideline"])) {
            try ParameterSetting(parsing: "rpe=6").apply(to: &other)
        }
    }
}
