import CGSL

/// Two independent proportions (responders in arm A and arm B): the risk
/// difference p_A − p_B with Newcombe's hybrid score interval, tested by
/// Pearson's chi-square test without continuity correction or by Fisher's
/// exact test.
///
/// Interval (Newcombe 1998, "Interval estimation for the difference between
/// independent proportions", Stat Med 17:873-90, method 10): with the Wilson
/// intervals (l_A, u_A) and (l_B, u_B) at the same level,
///
///     L = d − √((p_A − l_A)² + (u_B − p_B)²),   U = d + √((u_A − p_A)² + (p_B − l_B)²).
///
/// Chi-square: z = d / √(p̄(1 − p̄)(1/n_A + 1/n_B)) with the pooled p̄, and
/// X² = z² on 1 degree of freedom (scipy's `chi2_contingency(correction=False)`);
/// a one-sided test uses the signed z. The reported standard error is the
/// unpooled √(p_A(1−p_A)/n_A + p_B(1−p_B)/n_B) (0 when both are 0 or 1).
///
/// Fisher (`exact`): the two-sided p sums the hypergeometric probabilities of
/// the tables, with the margins fixed, no more likely than the observed one
/// (relative tolerance 1 + 10⁻⁷, as R and scipy); one-sided, the tail in the
/// alternative's direction.
public enum TwoProportions {
    /// Compares the responders of arm A with those of arm B.
    ///
    /// - Parameters:
    ///   - respondersA: responders in arm A.
    ///   - countA: people analysed in arm A.
    ///   - respondersB: responders in arm B.
    ///   - countB: people analysed in arm B.
    ///   - sides: one- or two-sided test.
    ///   - alpha: the test's level; the interval's level follows it.
    ///   - exact: Fisher's exact test instead of the chi-square test.
    ///
    /// Both tests test d = 0; callers with a non-inferiority margin decide
    /// by the interval.
    /// - Throws: ``TwoArmTestError`` when an arm is empty, or (chi-square) when
    ///   nobody or everybody responded, where X² is 0/0.
    public static func test(
        respondersA: Int, countA: Int, respondersB: Int, countB: Int, sides: TestSides = .two,
        alpha: Double = 0.05, exact: Bool = false
    ) throws(TwoArmTestError) -> TwoArmTest {
        guard countA >= 1 else { throw .tooFewObservations(arm: "A", count: countA, minimum: 1) }
        guard countB >= 1 else { throw .tooFewObservations(arm: "B", count: countB, minimum: 1) }
        precondition((0...countA).contains(respondersA) && (0...countB).contains(respondersB), "responders outside 0...count")
        let nA = Double(countA), nB = Double(countB)
        let pA = Double(respondersA) / nA, pB = Double(respondersB) / nB
        let d = pA - pB
        let level = sides == .two ? 1 - alpha : 1 - 2 * alpha
        guard let wa = ConfidenceInterval.wilson(successes: Int64(respondersA), trials: Int64(countA), level: level),
            let wb = ConfidenceInterval.wilson(successes: Int64(respondersB), trials: Int64(countB), level: level)
        else { throw .noVariation }
        let interval = ConfidenceInterval(
            low: d - ((pA - wa.low) * (pA - wa.low) + (wb.high - pB) * (wb.high - pB)).squareRoot(),
            high: d + ((wa.high - pA) * (wa.high - pA) + (pB - wb.low) * (pB - wb.low)).squareRoot())
        let se = (pA * (1 - pA) / nA + pB * (1 - pB) / nB).squareRoot()
        let pooled = Double(respondersA + respondersB) / (nA + nB)
        let pooledSE = (pooled * (1 - pooled) * (1 / nA + 1 / nB)).squareRoot()
        if exact {
            let p = try fisher(respondersA: respondersA, countA: countA, respondersB: respondersB, countB: countB, sides: sides)
            let z = pooledSE > 0 ? d / pooledSE : 0
            return TwoArmTest(estimate: d, standardError: se, statistic: z, pValue: p, interval: interval)
        }
        guard pooledSE > 0 else { throw .noVariation }
        let z = d / pooledSE
        let p: Double
        switch sides {
        case .two:
            GSLRuntime.prepare()
            p = gsl_cdf_chisq_Q(z * z, 1)
        case .less: p = Normal.cdf(z)
        case .greater: p = Normal.cdf(-z)
        }
        return TwoArmTest(estimate: d, standardError: se, statistic: z, pValue: p, interval: interval)
    }

    /// Fisher's exact test p-value for the 2 × 2 table (x_A, n_A − x_A; x_B, n_B − x_B).
    static func fisher(
        respondersA: Int, countA: Int, respondersB: Int, countB: Int, sides: TestSides
    ) throws(TwoArmTestError) -> Double {
        GSLRuntime.prepare()
        let total = respondersA + respondersB
        let low = max(0, total - countB), high = min(total, countA)
        // P(X_A = k) with the margins fixed: hypergeometric(k; total, n_A+n_B−total, n_A).
        func probability(_ k: Int) -> Double {
            gsl_ran_hypergeometric_pdf(UInt32(k), UInt32(countA), UInt32(countB), UInt32(total))
        }
        var p = 0.0
        switch sides {
        case .two:
            let observed = probability(respondersA)
            for k in low...high where probability(k) <= observed * (1 + 1e-7) { p += probability(k) }
        case .greater:
            for k in respondersA...high { p += probability(k) }
        case .less:
            for k in low...respondersA { p += probability(k) }
        }
        guard p.isFinite else { throw .gsl(GSLError(code: CGSL_EDOM, operation: "gsl_ran_hypergeometric_pdf")) }
        return min(1, p)
    }
}
