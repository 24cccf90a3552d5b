import Foundation
import Testing

/// `backsim power` through the command line: output, files, usage errors.
@Suite struct PowerCommandTests {
    static func scenario(_ name: String) -> String { ScenarioCommandTests.scenario(name) }

    static let small = ["--n", "4:8:4", "--trials", "6", "--visit", "3", "--quiet", "--threads", "2"]

    @Test func helpIsTheInterface() throws {
        let outcome = try Backsim.run(["power", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == Self.help)
    }

    @Test func jsonAndTrialRowsForASmallStudy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("power-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = directory.appendingPathComponent("trials.csv").path
        let outcome = try Backsim.run(
            ["power", Self.scenario("time-poor.yaml"), "--arms", "guideline,control", "--analysis", "responder",
             "--format", "json", "--trials-out", rows] + Self.small)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(json?["arms"] as? [String] == ["guideline", "control"])
        #expect((json?["sizes"] as? [[String: Any]])?.map { $0["n_b"] as? Int } == [4, 8])
        let lines = try String(contentsOfFile: rows, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "run,n_b,n_a,trial,estimate,std_error,statistic,p_value,ci_low,ci_high,rejected,covered,analysed_a,analysed_b,screened,failure")
        #expect(lines.count == 1 + 6 * 2 * 2)
    }

    @Test func sameOutputForAnyThreadCount() throws {
        let arguments = ["power", Self.scenario("time-poor.yaml"), "--arms", "guideline,control", "--analysis", "ancova",
                         "--format", "csv", "--n", "4:8:4", "--trials", "6", "--visit", "3", "--quiet"]
        let one = try Backsim.run(arguments + ["--threads", "1"])
        let two = try Backsim.run(arguments + ["--threads", "2"])
        #expect(one.status == 0 && one.standardOutput == two.standardOutput)
    }

    @Test(arguments: [
        (["--arms", "guideline,nonsense", "--analysis", "ancova", "--n", "4", "--visit", "3"], "--arms: unknown policy 'nonsense'"),
        (["--arms", "guideline,control", "--analysis", "ancova", "--n", "1:8:1", "--visit", "3"],
         "--n: 1 per arm is too few; every arm needs at least 2 people (e.g. --n 20:300:20)"),
        (["--arms", "guideline,control", "--analysis", "ancova", "--n", "4", "--visit", "99"],
         "--visit: week 99 is after the scenario's horizon"),
        (["--arms", "guideline", "--analysis", "ancova", "--n", "4", "--visit", "3"],
         "--arms: 'guideline' is not two arms; write A,B (e.g. --arms guideline,control)"),
        (["--arms", "guideline,control", "--analysis", "dropout", "--n", "4", "--visit", "3"],
         "--analysis dropout: an arm prescribes no programme"),
        (["--arms", "guideline,control", "--analysis", "anova", "--n", "4", "--visit", "3"], "anova"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let outcome = try Backsim.run(["power", Self.scenario("time-poor.yaml"), "--quiet"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    static let help = """
        OVERVIEW: Power and sample size of a two-arm trial, by simulating whole trials.

        Each simulated trial screens people from the scenario's cohort, randomises them
        to the two arms in permuted blocks of the allocation ratio, follows them with
        the model to the visit week (losing some to follow-up) and runs the
        pre-specified analysis. N is arm B's size (per arm at 1:1); sizes are nested,
        so trial t of size N holds the first people of trial t of any larger size. A
        null run (both arms given A) gives the type I error. See docs/power.md.

        USAGE: backsim power [<options>] [<scenario>] --arms <a,b> --n <range> --visit <w> --analysis <kind>

        ARGUMENTS:
          <scenario>              A scenario file (YAML; see Scenarios/ and 'backsim
                                  schema'); - reads standard input.

        OPTIONS:
          --cohort <name>         A built-in cohort instead of a file: acute,
                                  persistent, chronic, post-surgical, mixed. (default:
                                  mixed)
          --arms <a,b>            The two arms, A,B: policies as for compare (A is the
                                  programme tested).
          --n <range>             Sizes N (arm B) as FROM:TO:STEP, both ends included,
                                  or one number.
          --trials <t>            Simulated trials per size. (default: 1000)
          --visit <w>             The week of the analysed visit (at most the
                                  scenario's horizon).
          --analysis <kind>       ancova, change, responder or dropout. (values:
                                  ancova, change, responder, dropout)
          --allocation <a:b>      Allocation ratio A:B. (default: 1:1)
          --alpha <alpha>         Significance level. (default: 0.05)
          --target <target>       Target power for the sample size. (default: 0.8)
          --sides <1|2>           1 (A better) or 2. (default: 2)
          --margin <m>            Non-inferiority margin M of A against B on the
                                  effect's scale (NRS points; risk difference for
                                  responder); one-sided.
          --exact                 Responder analysis by Fisher's exact test instead of
                                  the chi-square test.
          --estimand <estimand>   complete-case or treatment-policy. (values:
                                  complete-case, treatment-policy; default:
                                  complete-case)
          --loss-per-week <h>     Weekly hazard of loss to follow-up in every arm
                                  (docs/power.md). (default: 0.005)
          --visit-loss-share <s>  Share of those who leave the programme who also stop
                                  attending visits (an assumption). (default: 0.5)
          --seed <n>              Seed. (default: the scenario's)
          --threads <n>           Worker threads; figures do not depend on it.
                                  (default: all cores)
          --format <format>       table, csv, json, markdown or html. (values: table,
                                  csv, json, markdown, html; default: table)
          -o, --output <file>     Write to this file (whole or not at all) instead of
                                  standard output.
          --trials-out <file>     Also write one row per simulated trial and size to
                                  this CSV file.
          --quiet                 Do not show progress on standard error.
          --set <name=value>      Set a model parameter (docs/model.md) or a built-in
                                  policy's parameter (e.g. percent=20) without editing
                                  the file; repeatable, or comma-separated.
          --shard <I/N>           Compute only part I of N (0 to N-1) and write a
                                  partial result file to --output (a file, or a
                                  directory for part-I-of-N.backsim; default: that name
                                  here) for 'backsim merge'. auto/N takes I from
                                  SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or
                                  AWS_BATCH_JOB_ARRAY_INDEX.
          --version               Show the version.
          -h, --help              Show help information.


        """
}
