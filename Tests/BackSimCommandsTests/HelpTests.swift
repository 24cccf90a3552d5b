import BackSimReports
import Testing

@testable import BackSimCommands

/// The help text is part of the interface: a change here is a change for users.
@Suite struct HelpTests {
    static let compareHelp = """
        OVERVIEW: Compare exercise-progression policies on the same simulated persons.

        Runs a scenario file, or a built-in cohort (--cohort; default mixed). Every
        policy meets the same persons with the same luck, so differences between
        policies come from the policies. Figures depend only on the inputs and the
        seed, never on --threads.

        USAGE: backsim compare [<options>] [<scenario>]

        ARGUMENTS:
          <scenario>              A scenario file (YAML; see Scenarios/ and 'backsim
                                  schema'); - reads standard input.

        OPTIONS:
          --cohort <name>         A built-in cohort instead of a file: acute,
                                  persistent, chronic, post-surgical, mixed. (default:
                                  mixed)
          --policies <list>       Comma-separated policies, each 'name', 'name:value'
                                  (see 'backsim policies') or a rule table of the
                                  scenario. (default: the scenario's; built-in cohorts:
                                  every built-in policy at its default value)
          --reference <policy>    The policy the others are compared with, person by
                                  person. (default: the scenario's reference; control
                                  if listed; else the first policy)
          --comparisons <file>    Also write the paired comparisons of every outcome to
                                  this CSV file
                                  (policy,reference,week,metric,stat,value; with --by,
                                  group after policy).
          --persons <n>           Simulated persons per replication (1-10000000).
                                  (default: the scenario's cohort size; built-in
                                  cohorts 2000)
          --weeks <n>             Weeks after baseline (1-520). (default: the
                                  scenario's; built-in cohorts 26)
          --replications <n>      Independent replications of the whole cohort
                                  (1-10000). (default: the scenario's; built-in cohorts
                                  1)
          --seed <n>              Random seed, any whole number from 0 to 2^64-1; the
                                  same seed gives the same figures. (default: the
                                  scenario's; built-in cohorts 1)
          --threads <n>           Worker threads; figures do not depend on it.
                                  (default: all cores)
          --set <name=value>      Set a model parameter (docs/model.md) or a built-in
                                  policy's parameter (e.g. percent=20) without editing
                                  the file; repeatable, or comma-separated.
          --by <grouping>         Also split every outcome and comparison by 'profile',
                                  'condition' or 'supervised' (adds a group column to
                                  CSV). (values: profile, condition, supervised)
          --outcomes <list>       Comma-separated outcomes the table, Markdown and HTML
                                  show and compare; CSV and JSON always hold every
                                  outcome. (default: the scenario's report.outcomes,
                                  else pain,disability,retention,flare_ups)
          --per-person <file>     Also write one row per replication × person × policy
                                  × week to this CSV file, streamed as the run goes.
          --format <format>       table (for reading), csv (tidy long, one statistic
                                  per row), json (with metadata and timing), markdown,
                                  or html (a self-contained report with charts).
                                  (values: table, csv, json, markdown, html; default:
                                  table)
          -o, --output <file>     Write to this file (whole or not at all) instead of
                                  standard output.
          --charts <directory>    Also write each chart of the HTML report as its own
                                  SVG file (ID.svg) into this directory, created if
                                  missing.
          --quiet                 Do not show progress on standard error.
          --shard <I/N>           Compute only part I of N (0 to N-1) and write a
                                  partial result file to --output (a file, or a
                                  directory for part-I-of-N.backsim; default: that name
                                  here) for 'backsim merge'. auto/N takes I from
                                  SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or
                                  AWS_BATCH_JOB_ARRAY_INDEX.
          --version               Show the version.
          -h, --help              Show help information.


        """

    static let traceHelp = """
        OVERVIEW: Show one simulated person's weeks under one policy.

        Prints the prescription, sessions done, load, pain before, during and after
        sessions and the next morning, flare-ups, safety events, every observation the
        policy's rule read, and its decision with its reason. The figures equal that
        person's rows in 'compare --per-person'.

        USAGE: backsim trace [<scenario>] [--cohort <name>] [--policy <policy>] [--person <k>] [--replication <r>] [--weeks <n>] [--seed <n>] [--set <name=value> ...]

        ARGUMENTS:
          <scenario>              A scenario file (YAML; see Scenarios/ and 'backsim
                                  schema'); - reads standard input.

        OPTIONS:
          --cohort <name>         A built-in cohort instead of a file: acute,
                                  persistent, chronic, post-surgical, mixed. (default:
                                  mixed)
          --policy <policy>       The policy (required): 'name', 'name:value' or a rule
                                  table of the scenario.
          --person <k>            The person's index in the cohort, from 0. (default: 0)
          --replication <r>       The replication, from 0. (default: 0)
          --weeks <n>             Weeks after baseline (default: the scenario's).
          --seed <n>              Random seed (default: the scenario's).
          --set <name=value>      Set a model parameter (docs/model.md) or a built-in
                                  policy's parameter (e.g. percent=20) without editing
                                  the file; repeatable, or comma-separated.
          --version               Show the version.
          -h, --help              Show help information.


        """

    @Test func compareHelpFromTheExecutable() throws {
        let outcome = try Backsim.run(["compare", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == Self.compareHelp)
        #expect(outcome.standardError.isEmpty)
    }

    @Test func versionNamesTheToolModelAndRandomStreams() throws {
        let outcome = try Backsim.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "\(ToolInfo.version) (model 4, random streams 3)\n")
    }

    @Test func compareHelpInProcess() {
        #expect(BackSim.helpMessage(for: Compare.self, columns: 80) + "\n" == Self.compareHelp)
    }

    @Test func traceHelpFromTheExecutable() throws {
        let outcome = try Backsim.run(["trace", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == Self.traceHelp)
    }
}
