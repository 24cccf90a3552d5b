import Foundation
import Stochastics
import Testing

/// The trial analyses against scipy 1.10 and statsmodels 0.13 (Debian's
/// python3-scipy and python3-statsmodels, installed by scripts/test), on
/// seeded data. Both compute in double precision by other algorithms (QR or
/// pinv for OLS, their own CDFs and quantiles), so agreement is to 1e-8
/// relative (the t quantile of a 99% interval differs by about 1e-9), not bits.
struct TwoArmTestReferenceTests {
    /// Runs `script` with /usr/bin/python3, `input` on standard input; the
    /// numbers it prints, one per line.
    static func python(_ script: String, input: String) throws -> [Double] {
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

    static func agree(_ swift: [Double], _ reference: [Double], relative: Double = 1e-8) {
        #expect(swift.count == reference.count)
        for (s, r) in zip(swift, reference) {
            #expect(abs(s - r) <= relative * max(1, abs(r)), "BackSim \(s) vs reference \(r)")
        }
    }

    static func data(_ seed: UInt64, count: Int, shift: Double) throws -> [(Double, Double)] {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: seed, replication: 0, person: 0, purpose: 1))
        return (0..<count).map { _ in
            let baseline = (5 + 2 * stream.gaussian()).rounded()
            return (baseline, (0.6 * baseline + shift + 1.5 * stream.gaussian()).rounded())
        }
    }

    @Test("ANCOVA equals statsmodels OLS y ~ arm + baseline", arguments: [(UInt64(1), 0.05), (2, 0.1), (3, 0.01)])
    func ancova(seed: UInt64, alpha: Double) throws {
        let a = try Self.data(seed, count: 37, shift: -0.8), b = try Self.data(seed + 100, count: 41, shift: 0)
        let test = try Ancova.test(a: a.map { ($0.0, $0.1) }, b: b.map { ($0.0, $0.1) }, alpha: alpha)
        let input = (a.map { "1 \($0.0) \($0.1)" } + b.map { "0 \($0.0) \($0.1)" }).joined(separator: "\n")
        let reference = try Self.python("""
            import sys, numpy as np, statsmodels.api as sm
            d = np.loadtxt(sys.stdin)
            fit = sm.OLS(d[:, 2], sm.add_constant(d[:, 0:2])).fit()
            ci = fit.conf_int(alpha=\(alpha))[1]
            for v in (fit.params[1], fit.bse[1], fit.tvalues[1], fit.pvalues[1], ci[0], ci[1]): print(repr(float(v)))
            """, input: input)
        Self.agree(
            [test.estimate, test.standardError, test.statistic, test.pValue, test.interval.low, test.interval.high], reference)
    }

    @Test("Welch's t equals scipy ttest_ind(equal_var=False)", arguments: [UInt64(4), 5])
    func welch(seed: UInt64) throws {
        let a = try Self.data(seed, count: 23, shift: -0.5).map { $0.1 - $0.0 }
        let b = try Self.data(seed + 100, count: 31, shift: 0).map { $0.1 - $0.0 }
        let test = try WelchTest.test(a: a, b: b)
        let less = try WelchTest.test(a: a, b: b, sides: .less)
        let reference = try Self.python("""
            import sys, numpy as np
            from scipy import stats
            lines = sys.stdin.read().split("\\n")
            a = np.array([float(x) for x in lines[0].split()]); b = np.array([float(x) for x in lines[1].split()])
            r = stats.ttest_ind(a, b, equal_var=False)
            l = stats.ttest_ind(a, b, equal_var=False, alternative="less")
            for v in (a.mean() - b.mean(), r.statistic, r.pvalue, l.pvalue): print(repr(float(v)))
            """, input: a.map { "\($0)" }.joined(separator: " ") + "\n" + b.map { "\($0)" }.joined(separator: " "))
        Self.agree([test.estimate, test.statistic, test.pValue, less.pValue], reference)
    }

    @Test("Two proportions: chi-square and Fisher as scipy, Newcombe's interval as statsmodels",
          arguments: [(12, 40, 5, 38), (0, 15, 3, 15), (30, 30, 25, 31), (7, 9, 2, 11)])
    func proportions(xa: Int, na: Int, xb: Int, nb: Int) throws {
        let chi = try TwoProportions.test(respondersA: xa, countA: na, respondersB: xb, countB: nb)
        let fisher = try TwoProportions.test(respondersA: xa, countA: na, respondersB: xb, countB: nb, exact: true)
        let greater = try TwoProportions.test(respondersA: xa, countA: na, respondersB: xb, countB: nb, sides: .greater, exact: true)
        let reference = try Self.python("""
            from scipy import stats
            from statsmodels.stats.proportion import confint_proportions_2indep
            xa, na, xb, nb = \(xa), \(na), \(xb), \(nb)
            t = [[xa, na - xa], [xb, nb - xb]]
            chi2, p, _, _ = stats.chi2_contingency(t, correction=False)
            low, high = confint_proportions_2indep(xa, na, xb, nb, method="newcomb", compare="diff", alpha=0.05)
            for v in (xa / na - xb / nb, chi2, p, low, high, stats.fisher_exact(t)[1], stats.fisher_exact(t, alternative="greater")[1]):
                print(repr(float(v)))
            """, input: "")
        Self.agree(
            [chi.estimate, chi.statistic * chi.statistic, chi.pValue, chi.interval.low, chi.interval.high, fisher.pValue,
             greater.pValue], reference)
    }

    @Test("Log-rank equals statsmodels survdiff", arguments: [UInt64(7), 8])
    func logRank(seed: UInt64) throws {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: seed, replication: 0, person: 0, purpose: 2))
        func arm(_ count: Int, hazard: Double) -> [LogRank.Observation] {
            (0..<count).map { _ in
                let week = Int((stream.exponential(mean: 1 / hazard)).rounded(.up))
                return week <= 12 ? (week, true) : (12, false)
            }
        }
        let a = arm(60, hazard: 0.03), b = arm(55, hazard: 0.07)
        let test = try LogRank.test(a: a, b: b)
        let rows = a.map { "\($0.time) \($0.event ? 1 : 0) 1" } + b.map { "\($0.time) \($0.event ? 1 : 0) 0" }
        let reference = try Self.python("""
            import sys, numpy as np
            from statsmodels.duration.survfunc import survdiff
            d = np.loadtxt(sys.stdin)
            chi2, p = survdiff(d[:, 0], d[:, 1], d[:, 2])
            print(repr(float(chi2))); print(repr(float(p)))
            """, input: rows.joined(separator: "\n"))
        Self.agree([test.statistic * test.statistic, test.pValue], reference)
    }

    @Test("Degenerate data are errors, not results")
    func degenerate() throws {
        #expect(throws: TwoArmTestError.noVariation) {
            try TwoProportions.test(respondersA: 0, countA: 10, respondersB: 0, countB: 12)
        }
        #expect(throws: TwoArmTestError.noVariation) { try WelchTest.test(a: [1, 1, 1], b: [2, 2]) }
        #expect(throws: TwoArmTestError.singularDesign) {
            try Ancova.test(a: [(3, 1), (3, 2)], b: [(3, 4), (3, 2)])
        }
        #expect(throws: TwoArmTestError.tooFewObservations(arm: "B", count: 1, minimum: 2)) {
            try WelchTest.test(a: [1, 2], b: [2])
        }
        #expect(throws: TwoArmTestError.noVariation) { try LogRank.test(a: [(12, false)], b: [(12, false)]) }
    }
}
