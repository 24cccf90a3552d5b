import Testing

/// Exit statuses follow sysexits, and a failed run writes nothing.
@Suite struct ExitStatusTests {
    static let small = ["--persons", "20", "--weeks", "2", "--seed", "7", "--threads", "1"]

    /// Runs `arguments` with `--output` into an empty directory and checks
    /// that the directory is still empty afterwards.
    private func failing(_ arguments: [String]) throws -> Backsim.Outcome {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run(arguments + ["--output", scratch.path + "/out.csv"])
        #expect(try scratch.contents().isEmpty, "a failed run leaves no file")
        #expect(outcome.standardOutput.isEmpty)
        return outcome
    }

    @Test func unknownFlag() throws {
        let outcome = try failing(["compare", "--bogus"] + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("Unknown option '--bogus'"))
    }

    @Test func unknownCohort() throws {
        let outcome = try failing(["compare", "--cohort", "acutee"] + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix(
            "Error: --cohort: unknown cohort 'acutee'; choose one of acute, persistent, chronic, post-surgical, mixed\n"))
    }

    @Test(arguments: [["compare", "--policies", "control,nope"], ["run", "--policy", "nope"]])
    func unknownPolicy(arguments: [String]) throws {
        let outcome = try failing(arguments + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("unknown policy 'nope'"))
        #expect(outcome.standardError.contains("Choose from control, fixed,"))
    }

    /// Every problem at once, each with its "did you mean", and the
    /// subcommand's own usage line.
    @Test func everyPolicyProblemAtOnce() throws {
        let outcome = try failing(["compare", "--policies", "guidline,percent5,control"] + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("""
            Error: --policies: 2 problems:
              unknown policy 'guidline'; did you mean 'guideline'?
              unknown policy 'percent5'; did you mean 'percent:5'?
              Choose from control, fixed, percent,
            """))
        #expect(outcome.standardError.contains("\nUsage: backsim compare [<options>] [<scenario>]\n"))
    }

    @Test func messagesNameWhatWasWrong() throws {
        let seed = try failing(["compare"] + Self.small + ["--seed", "-1"])
        #expect(seed.status == 64)
        #expect(seed.standardError.hasPrefix("Error: --seed: must be a whole number from 0 to 18446744073709551615, got '-1'\n"))
        let persons = try failing(["compare", "--cohort", "chronic", "--person", "100", "--weeks", "2"])
        #expect(persons.status == 64)
        #expect(persons.standardError.hasPrefix("Error: Unknown option '--person'. Did you mean '--persons'?\n"))
        // Found while running (the reference is checked against the scenario): the subcommand's usage.
        let reference = try failing(["compare", "--reference", "nope", "--quiet"] + Self.small)
        #expect(reference.status == 64)
        #expect(reference.standardError.hasSuffix(
            "\nUsage: backsim compare [<options>] [<scenario>]\n  See 'backsim compare --help' for more information.\n"))
    }

    @Test func traceNeedsAPolicyAndListsTheScenarios() throws {
        let outcome = try Backsim.run(["trace", "--cohort", "chronic"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix(
            "Error: --policy: which policy? Give one of the scenario's: control, fixed, percent:10, graded-activity:8,"))
        #expect(outcome.standardError.contains("\nUsage: backsim trace "))
    }

    @Test func impossiblePolicyValue() throws {
        let outcome = try failing(["compare", "--policies", "percent:500"] + Self.small)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--policies: 'percent:500'"))
    }

    @Test func zeroPersons() throws {
        let outcome = try failing(["compare", "--persons", "0", "--weeks", "2"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("Error: --persons: must be from 1 to 10000000, got 0\n"))
    }

    @Test(arguments: [
        ["--weeks", "0"], ["--weeks", "521"], ["--replications", "0"], ["--threads", "0"],
        ["--seed", "abc"], ["--format", "xml"], ["--policies", ""], ["--policies", "control,control"],
    ])
    func otherUsageErrors(arguments: [String]) throws {
        let outcome = try failing(["compare", "--persons", "20"] + arguments)
        #expect(outcome.status == 64, "\(arguments)")
        #expect(outcome.standardError.hasPrefix("Error: "))
    }

    @Test func missingOutputDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/missing/out.csv"
        let outcome = try Backsim.run(["compare", "--output", path] + Self.small)
        #expect(outcome.status == 74)
        #expect(outcome.standardError == "Error: cannot write '\(path)': directory '\(scratch.path)/missing' does not exist\n")
        #expect(try scratch.contents().isEmpty)
    }

    @Test func outputIsADirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run(["run", "--output", scratch.path] + Self.small)
        #expect(outcome.status == 74)
        #expect(outcome.standardError.contains(scratch.path))
        #expect(try scratch.contents().isEmpty)
    }

    @Test func successWritesExactlyTheOutputFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try Backsim.run(["compare", "--format", "csv", "--output", scratch.path + "/out.csv"] + Self.small)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.isEmpty, "no progress when standard error is not a terminal")
        #expect(try scratch.contents() == ["out.csv"])
        #expect(try scratch.read("out.csv").hasPrefix("policy,week,metric,stat,value\n"))
    }

    @Test func bareCommandShowsHelp() throws {
        let outcome = try Backsim.run([])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("SUBCOMMANDS:"))
    }
}
