import BackSimCore
import Foundation
import BackSimScenario
import Testing
@testable import BackSimStudies

@Suite struct UncertaintyBlockTests {
    /// Every problem of an `uncertainty:` block at once, each located.
    @Test func badBlockGetsLocatedErrors() throws {
        let yaml = """
            name: bad-uncertainty
            description: every kind of mistake in an uncertainty block
            weeks: 12
            cohort:
              size: 100
              profiles:
                - name: chronic
                  condition: chronic
                  baseline_pain: 5
            policies: [control, guideline]
            uncertainty:
              parameters:
                dropout.bsae: {distribution: normal, mean: -3.9, sd: 0.3}
                flare.base: {distribution: normall, mean: 0.01, sd: 0.01}
                adherence.habit: {distribution: normal, mean: 0.3}
                adherence.stay: {distribution: beta, a: -1, b: 2, mean: 3}
                flare.size: {distribution: gamma, shape: 2, scale: 1, truncate: [3, 1]}
                session.pain: {distribution: uniform, min: 0, max: 20, truncate: [-1, 5]}
              correlations:
                - {between: [adherence.habit, dropout.base], rank: 1.5}
            """
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "bad.yaml")
            Issue.record("a bad uncertainty block was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
            "bad.yaml:13:5: error: uncertainty.parameters.dropout.bsae: unknown key 'dropout.bsae'; did you mean 'dropout.base'?",
            "bad.yaml:14:32: error: uncertainty.parameters.flare.base.distribution: expected one of normal, lognormal, beta, gamma, uniform, fixed, found 'normall'; did you mean 'normal'?",
            "bad.yaml:15:22: error: uncertainty.parameters.adherence.habit.sd: missing required key 'sd' of a normal distribution",
            "bad.yaml:16:45: error: uncertainty.parameters.adherence.stay.a: expected a number above 0, found -1",
            "bad.yaml:16:55: error: uncertainty.parameters.adherence.stay.mean: 'mean' does not belong to a beta distribution; it takes a, b and optionally truncate",
            "bad.yaml:17:73: error: uncertainty.parameters.flare.size.truncate[1]: expected high above low (3), found 1",
            "bad.yaml:18:70: error: uncertainty.parameters.session.pain.truncate: expected an interval within session.pain's range 0 to 10 (NRS points), found -1 to 5",
            "bad.yaml:20:35: error: uncertainty.correlations[0].between[1]: 'dropout.base' has no distribution under uncertainty.parameters",
            "bad.yaml:20:56: error: uncertainty.correlations[0].rank: expected a Spearman rank correlation from -0.99 to 0.99, found 1.5",
            ])
        }
    }

    @Test func impossibleCorrelationsAreRefused() {
        let yaml = """
            uncertainty:
              parameters:
                dropout.base: {distribution: normal, mean: -3.9, sd: 0.3}
                flare.base: {distribution: beta, a: 2, b: 150}
                adherence.habit: {distribution: normal, mean: 0.3, sd: 0.3}
              correlations:
                - {between: [dropout.base, flare.base], rank: 0.9}
                - {between: [dropout.base, adherence.habit], rank: 0.9}
                - {between: [flare.base, adherence.habit], rank: -0.9}
            """
        #expect(throws: ScenarioError([Diagnostic(
            file: "u.yaml", line: 7, column: 5, path: "uncertainty.correlations",
            message: "these rank correlations cannot hold together (the correlation matrix is not positive definite); weaken some")])) {
            try UncertaintyLoader.parse(yaml: yaml, file: "u.yaml")
        }
    }

    @Test func distributionsReachingBeyondTheRangeAreTruncatedToIt() throws {
        let uncertainty = try UncertaintyLoader.parse(yaml: """
            uncertainty:
              parameters:
                flare.size: {distribution: normal, mean: 1, sd: 5}
            """, file: "u.yaml")
        let parameter = uncertainty.parameters[0]
        #expect(parameter.truncation == 0...10)
        #expect(try parameter.quantile(1e-9) >= 0)
        #expect(try parameter.quantile(1 - 1e-9) <= 10)
    }

    @Test func shippedDefaultsCoverEveryAssumption() throws {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let defaults = try UncertaintyLoader.load(path: root.appendingPathComponent("Scenarios/uncertainty/defaults.yaml").path)
        let assumed = ModelParameters.catalogue.filter { $0.source.lowercased().contains("assum") || $0.source.hasPrefix("calibrated") }
        // Every assumption and calibrated parameter; the calibrated ones by
        // the identified-range table of docs/calibration.md §7 (the script's source).
        #expect(Set(assumed.map(\.name)).isSubset(of: Set(defaults.names)))
        // Every distribution holds its parameter's default inside its 95% range.
        for parameter in defaults.parameters where !parameter.spec.source.hasPrefix("calibrated") {
            let low = try parameter.quantile(0.025), high = try parameter.quantile(0.975)
            // A default on the edge of its range (0) sits at the end of a uniform from it.
            let slack = 0.05 * (high - low)
            #expect(low - slack <= parameter.spec.defaultValue && parameter.spec.defaultValue <= high + slack, "\(parameter.name)")
        }
    }
}
