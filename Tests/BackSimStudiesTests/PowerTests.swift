import BackSimCore
import BackSimTestSupport
import Foundation
import Stochastics
import Testing
@testable import BackSimStudies

/// The trial planner on a synthetic population with known answers.
@Suite struct PowerTests {
    static func design(_ analysis: TrialAnalysis, sizes: [Int], trials: Int, threads: Int = 2) -> TrialDesign {
        var design = TrialDesign(sizes: sizes, trials: trials, visit: 12, analysis: analysis)
        design.threads = threads
        design.referencePersons = 20_000
        design.seed = 17
        return design
    }

    /// Four binomial standard errors: a seeded check that fails about 1 in 15,000 runs by chance.
    static func monteCarlo(_ p: Double, trials: Int) -> Double { 4 * (p * (1 - p) / Double(trials)).squareRoot() }

    /// Closed-form power of the two-sided two-sample t test at α = 0.05 with
    /// δ/σ = 0.5 and n per arm: the noncentral t, from scipy (exact, not an
    /// approximation).
    static func tTestPower(sizes: [Int]) throws -> [Double] {
        try TwoArmTestReferenceSupport.python("""
            from scipy import stats
            for n in (\(sizes.map(String.init).joined(separator: ", ")),):
                nu = 2 * n - 2; c = stats.t.ppf(0.975, nu); ncp = 0.5 * (n / 2) ** 0.5
                print(repr(float(stats.nct.sf(c, nu, ncp) + stats.nct.cdf(-c, nu, ncp))))
            """)
    }

    /// Power of the chi-square (pooled z) test for two proportions, n per arm.
    static func twoProportionPower(_ pa: Double, _ pb: Double, n: Int, alpha: Double = 0.05) throws -> Double {
        let z = try Normal.quantile(1 - alpha / 2)
        let pooled = (pa + pb) / 2
        let null = (2 * pooled * (1 - pooled) / Double(n)).squareRoot()
        let alternative = ((pa * (1 - pa) + pb * (1 - pb)) / Double(n)).squareRoot()
        return Normal.cdf((abs(pa - pb) - z * null) / alternative)
    }

    @Test("change: simulated power agrees with the closed-form t-test power at several N")
    func changeMatchesClosedForm() throws {
        var population = NormalTrialPopulation(meanChange: (-0.5, 0), sd: 1)
        population.dropoutHazard = (0, 0)
        let trials = 2_000
        let study = try PowerStudy(design: Self.design(.change, sizes: [16, 32, 64], trials: trials), population: population)
        let result = try study.run()
        // The change's SD is σ (visit = baseline + mean + σz), so δ/σ = 0.5.
        let closedForm = try Self.tTestPower(sizes: [16, 32, 64])
        try #require(closedForm.count == 3)
        for (s, expected) in zip(result.sizes, closedForm) {
            #expect(s.failed == 0)
            #expect(abs(s.power! - expected) <= Self.monteCarlo(expected, trials: trials) + 0.002, "N \(s.size): \(s.power!) vs \(expected)")
            #expect(abs(s.bias!) <= 4 * (2.0 / Double(s.size)).squareRoot() / Double(trials).squareRoot())
            #expect(abs(s.coverage! - 0.95) <= Self.monteCarlo(0.95, trials: trials))
        }
        #expect(abs(result.trueEffect.value - -0.5) <= 4 * (2.0 / 20_000).squareRoot())
    }

    @Test("responder: simulated power agrees with the two-proportion formula")
    func responderMatchesFormula() throws {
        var population = NormalTrialPopulation(meanChange: (0, 0), sd: 1)
        population.responders = (0.5, 0.3)
        population.dropoutHazard = (0, 0)
        let trials = 2_000
        let study = try PowerStudy(design: Self.design(.responder, sizes: [50, 100], trials: trials), population: population)
        for s in try study.run().sizes {
            let expected = try Self.twoProportionPower(0.5, 0.3, n: s.size)
            #expect(abs(s.power! - expected) <= Self.monteCarlo(expected, trials: trials) + 0.01, "N \(s.size): \(s.power!) vs \(expected)")
        }
    }

    @Test("Type I error within Monte Carlo error of alpha for every analysis",
          arguments: [(TrialAnalysis.ancova, false), (.change, false), (.responder, false), (.responder, true), (.dropout, false)])
    func typeOneError(analysis: TrialAnalysis, exact: Bool) throws {
        var population = NormalTrialPopulation(meanChange: (-0.5, 0), sd: 1)
        population.responders = (0.4, 0.4)
        population.dropoutHazard = (0.06, 0.06)
        var design = Self.design(analysis, sizes: [40], trials: 3_000)
        design.exact = exact
        design.lossPerWeek = 0.01
        design.visitLossShare = 0.5
        let s = try PowerStudy(design: design, population: population).run().sizes[0]
        let type1 = try #require(s.typeOneError)
        let error = Self.monteCarlo(0.05, trials: 3_000)
        if exact {
            #expect(type1 <= 0.05 + error, "\(analysis) exact: \(type1)")
        } else {
            #expect(abs(type1 - 0.05) <= error, "\(analysis): \(type1)")
        }
    }

    @Test("Nested trials: power rises with N; trial t of size N holds the first people of the larger trial")
    func monotoneAndNested() throws {
        let population = NormalTrialPopulation(meanChange: (-0.3, 0), sd: 1)
        var design = Self.design(.ancova, sizes: [20, 40, 60, 80, 100], trials: 1_000)
        design.lossPerWeek = 0.01
        let study = try PowerStudy(design: design, population: population)
        let powers = try study.run().sizes.map { $0.power! }
        for (smaller, larger) in zip(powers, powers.dropFirst()) { #expect(larger >= smaller, "\(powers)") }
        let recruiter = try population.makeRecruiter()
        let small = try study.participants(
            trial: 3, sizeA: 20, sizeB: 20, recruiter: recruiter, allocation: try RandomStream(), followUp: try RandomStream())
        let large = try study.participants(
            trial: 3, sizeA: 100, sizeB: 100, recruiter: recruiter, allocation: try RandomStream(), followUp: try RandomStream())
        #expect(Array(large.prefix(small.count)) == small)
        #expect(small.count { $0.armA } == 20 && small.count { !$0.armA } == 20)
    }

    @Test("Same figures for any thread count; every trial replays alone from (seed, N, trial)")
    func deterministic() throws {
        var population = NormalTrialPopulation(meanChange: (-0.3, 0), sd: 1)
        population.screenShare = 0.6
        var one = Self.design(.responder, sizes: [10, 30], trials: 60, threads: 1)
        one.allocation = (2, 1)
        one.lossPerWeek = 0.02
        var three = one
        three.threads = 3
        let a = try PowerStudy(design: one, population: population).run()
        let b = try PowerStudy(design: three, population: population).run()
        #expect(a.trials == b.trials)
        let study = try PowerStudy(design: one, population: population)
        let (trial, null) = try study.replay(trial: 41, size: 30, trueEffect: a.trueEffect.value)
        #expect(a.trials.contains(trial) && a.trials.contains(null))
        #expect(trial.analysedA <= 60 && trial.screened >= 90)
    }

    @Test("Analysis statistics agree with scipy and statsmodels on exported trial rows",
          arguments: TrialAnalysis.allCases)
    func agreesWithPython(analysis: TrialAnalysis) throws {
        var population = NormalTrialPopulation(meanChange: (-0.4, 0), sd: 1.2)
        population.responders = (0.45, 0.3)
        population.dropoutHazard = (0.03, 0.07)
        var design = Self.design(analysis, sizes: [35], trials: 1)
        design.lossPerWeek = 0.02
        design.visitLossShare = 0.5
        let study = try PowerStudy(design: design, population: population)
        let people = try study.participants(
            trial: 5, sizeA: 35, sizeB: 35, recruiter: try population.makeRecruiter(), allocation: try RandomStream(),
            followUp: try RandomStream())
        let row = study.analyse(people, trial: 5, size: 35, null: false, trueEffect: 0)
        let test = try #require(row.test)
        // The rows as a data file: arm, baseline, visit, responder, observed, time, event.
        let lines = people.map { p in
            let t = p.timeToLeaving(p.course, visit: 12)
            return "\(p.armA ? 1 : 0) \(p.course.baseline) \(p.course.visit) \(p.course.responder ? 1 : 0) "
                + "\(p.observed(p.course, visit: 12, estimand: .completeCase) ? 1 : 0) \(t.time) \(t.event ? 1 : 0)"
        }
        let reference = try TwoArmTestReferenceSupport.python("""
            import sys, numpy as np, statsmodels.api as sm
            from scipy import stats
            from statsmodels.duration.survfunc import survdiff
            d = np.loadtxt(sys.stdin); kind = "\(analysis.rawValue)"
            o = d[d[:, 4] == 1]; a = o[o[:, 0] == 1]; b = o[o[:, 0] == 0]
            if kind == "ancova":
                f = sm.OLS(o[:, 2], sm.add_constant(o[:, 0:2])).fit(); out = (f.params[1], f.bse[1], f.pvalues[1], len(a), len(b))
            elif kind == "change":
                r = stats.ttest_ind(a[:, 2] - a[:, 1], b[:, 2] - b[:, 1], equal_var=False)
                out = ((a[:, 2] - a[:, 1]).mean() - (b[:, 2] - b[:, 1]).mean(), r.statistic, r.pvalue, len(a), len(b))
            elif kind == "responder":
                xa, xb = a[:, 3].sum(), b[:, 3].sum()
                chi2, p, _, _ = stats.chi2_contingency([[xa, len(a) - xa], [xb, len(b) - xb]], correction=False)
                out = (xa / len(a) - xb / len(b), chi2, p, len(a), len(b))
            else:
                chi2, p = survdiff(d[:, 5], d[:, 6], d[:, 0]); out = (chi2, p, (d[:, 0] == 1).sum(), (d[:, 0] == 0).sum())
            for v in out: print(repr(float(v)))
            """, input: lines.joined(separator: "\n"))
        let mine: [Double]
        switch analysis {
        case .ancova: mine = [test.estimate, test.standardError, test.pValue]
        case .change: mine = [test.estimate, test.statistic, test.pValue]
        case .responder: mine = [test.estimate, test.statistic * test.statistic, test.pValue]
        case .dropout: mine = [test.statistic * test.statistic, test.pValue]
        }
        try #require(reference.count == mine.count + 2)
        for (s, r) in zip(mine, reference) { #expect(abs(s - r) <= 1e-8 * max(1, abs(r)), "\(analysis): \(s) vs \(r)") }
        #expect(Double(row.analysedA) == reference[mine.count] && Double(row.analysedB) == reference[mine.count + 1])
        #expect(row.analysedA < 35 || analysis == .dropout, "loss to follow-up left everyone in arm A")
    }

    @Test("Refusals: N below 2, dropout without a programme, margin with dropout")
    func refusals() throws {
        let population = NormalTrialPopulation(meanChange: (0, 0), sd: 1)
        #expect(throws: PowerDesignError.sizeBelowTwo(1)) {
            try PowerStudy(design: Self.design(.ancova, sizes: [1, 10], trials: 10), population: population)
        }
        var margin = Self.design(.dropout, sizes: [10], trials: 10)
        margin.margin = 0.5
        #expect(throws: PowerDesignError.marginForDropout) { try PowerStudy(design: margin, population: population) }
    }
}

/// Runs /usr/bin/python3 (with scipy and statsmodels, installed by scripts/test).
enum TwoArmTestReferenceSupport {
    static func python(_ script: String, input: String = "") throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python failed: \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
    }
}
