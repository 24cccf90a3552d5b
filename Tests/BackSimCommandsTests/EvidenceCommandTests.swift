import Foundation
import Testing

/// `backsim evidence` and `backsim calibrate` from the executable: outputs,
/// exit statuses (0 pass, 1 gating target outside or no convergence, 64
/// usage, 65 bad file) and progress on standard error.
@Suite struct EvidenceCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shippedFiles: [String] {
        let directory = root.appendingPathComponent("Scenarios/evidence").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    /// One gating target on 200 persons of the acute cohort.
    static func target(low: Double, high: Double, gating: Bool = true) -> String {
        """
        name: small
        description: one target
        persons: 200
        seed: 3
        targets:
          - name: acute-week-6
            cohort: acute
            policy: control
            outcome: pain
            week: 6
            value: \((low + high) / 2)
            interval: [\(low), \(high)]
            source: test
        \(gating ? "" : "    gating: false\n    reason: only reported\n")
        """
    }

    static func write(_ text: String, in scratch: Scratch, as name: String = "targets.yaml") throws -> String {
        let path = scratch.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The issue's acceptance check: the shipped defaults pass every gating
    /// target at the files' own sizes and seeds, with no widening for
    /// Monte Carlo error (the figures are deterministic for these seeds).
    @Test func theShippedEvidenceCheckPasses() throws {
        let outcome = try Backsim.run(["evidence", "--threads", "2"] + Self.shippedFiles)
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("All 19 gating targets are inside their published interval or range."))
        #expect(outcome.standardOutput.contains("Known gaps (reported, not gating):"))
        #expect(outcome.standardError.isEmpty)
    }

    @Test func aGatingTargetOutsideExitsOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 0, high: 1), in: scratch)
        let outcome = try Backsim.run(["evidence", path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("acute-week-6"))
        #expect(outcome.standardOutput.contains("outside  yes"))
        #expect(outcome.standardError == "evidence check failed: 1 gating target outside the published interval or range: acute-week-6\n")

        // The same miss as a known gap is reported and does not fail.
        let gap = try Self.write(Self.target(low: 0, high: 1, gating: false), in: scratch, as: "gap.yaml")
        let reported = try Backsim.run(["evidence", gap])
        #expect(reported.status == 0)
        #expect(reported.standardOutput.contains("acute-week-6: only reported"))
    }

    /// Simulated 2.33 (2.08 to 2.59): outside [1, 2.2] but within Monte
    /// Carlo error of it. Still a failure (a smaller run must not pass more
    /// easily), marked outside* and explained.
    @Test func aFailureWithinMonteCarloErrorSaysMorePersonsWouldSettleIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 1, high: 2.2), in: scratch)
        let outcome = try Backsim.run(["evidence", path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("2.33 (2.08 to 2.59)  outside*  yes"))
        #expect(outcome.standardOutput.contains(
            "outside*: the value is outside but its Monte Carlo interval crosses an edge; more persons (--persons) would settle it."))
        #expect(outcome.standardError == """
            evidence check failed: 1 gating target outside the published interval or range: acute-week-6
            note: every failure is within Monte Carlo error of its interval (outside*): this run is too small to tell; \
            run with more persons (the intervals narrow as 1/√n: --persons 800 halves them)

            """)
    }

    @Test func csvHasOneRowPerTarget() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 1, high: 4), in: scratch)
        let outcome = try Backsim.run(["evidence", path, "--format", "csv", "--output", scratch.path + "/out.csv"])
        #expect(outcome.status == 0)
        let lines = try scratch.read("out.csv").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("target,cohort,policy,versus,outcome,unit,weeks,published_value,published_low,published_high"))
        #expect(lines[1].hasPrefix("acute-week-6,acute,control,,pain,0-10,6,2.5,1,4,interval,"))
    }

    @Test func anInvalidFileIsADataError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 1, high: 4).replacingOccurrences(of: "outcome: pain", with: "outcome: pian"), in: scratch)
        for command in [["evidence", path], ["calibrate", path, "--parameters", "capacity.pain_benefit"]] {
            let outcome = try Backsim.run(command)
            #expect(outcome.status == 65)
            #expect(outcome.standardError.hasPrefix(
                "\(path):9:14: error: targets[0].outcome: expected one of pain, disability, adherence, non_adherence, retention, dropout, standardised_difference, share_pain_at_most, cumulative_share, monthly_pattern, time_to_recovery, found 'pian'; did you mean 'pain'?\n"))
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test(arguments: [
        (["--parameters", "capacity.pain_benefitt"], "--parameters: unknown parameter 'capacity.pain_benefitt'; did you mean 'capacity.pain_benefit'?"),
        (["--parameters", "capacity.pain_benefit=2:1"], "--parameters: expected 'capacity.pain_benefit=low:high' with low < high"),
        (["--parameters", "capacity.pain_benefit=0:9"], "--parameters: capacity.pain_benefit: bounds 0 to 9 leave the accepted range 0 to 5"),
        (["--parameters", "capacity.pain_benefit,capacity.pain_benefit"], "--parameters: 'capacity.pain_benefit' is listed twice"),
        (["--parameters", "capacity.pain_benefit", "--start", "dropout.base=-4"], "--start: 'dropout.base' is not among --parameters"),
        (["--parameters", "capacity.pain_benefit", "--margin", "1"], "--margin: must be from 0 to 0.9, got 1.0"),
    ])
    func calibrateUsageErrors(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 1, high: 4), in: scratch)
        let outcome = try Backsim.run(["calibrate", path] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func calibrateFitsReportsAndShowsProgress() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Acute pain at week 6 (about 2.4 NRS with the defaults) made to need
        // a slower fast phase of recovery.
        let path = try Self.write(Self.target(low: 2.9, high: 3.1), in: scratch)
        let outcome = try Backsim.run([
            "calibrate", path, "--parameters", "course.acute.fast_weeks=1:10", "--threads", "2", "--tolerance", "1e-4",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Converged: every gating target is inside its zero-loss interval (objective 0)"))
        #expect(outcome.standardOutput.contains("\nparameters:\n  course.acute.fast_weeks: "))
        #expect(outcome.standardOutput.contains("acute-week-6"))
        #expect(outcome.standardError.contains("iteration 1: objective "))
    }

    @Test func aCalibrationThatDoesNotConvergeExitsOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.write(Self.target(low: 2.9, high: 3.1), in: scratch)
        let outcome = try Backsim.run([
            "calibrate", path, "--parameters", "course.acute.fast_weeks=1:10", "--max-evaluations", "3", "--quiet",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("Not converged after"))
        #expect(outcome.standardError.hasPrefix("calibration did not converge: "))
        #expect(!outcome.standardError.contains("iteration 1:"), "--quiet")
    }
}
