import CGSL

/// Analysis of covariance for a two-arm trial: the visit outcome regressed by
/// ordinary least squares on an intercept, the arm (1 = A, 0 = B) and the
/// baseline value (`gsl_multifit_linear`),
///
///     yᵢ = β₀ + β₁·armᵢ + β₂·baselineᵢ + εᵢ,
///
/// and the t test of β₁ with n − 3 degrees of freedom, se(β₁) from the
/// residual variance times (XᵀX)⁻¹. Equal to statsmodels' `ols("y ~ arm +
/// baseline")` for β₁, its standard error, t, p and
/// interval (checked in the tests).
public enum Ancova {
    /// Fits the ANCOVA and tests the arm effect, A minus B.
    ///
    /// - Parameters:
    ///   - a: (baseline, visit) pairs of arm A.
    ///   - b: (baseline, visit) pairs of arm B.
    ///   - null: the effect under H₀ (−margin for non-inferiority).
    ///   - sides: one- or two-sided test.
    ///   - alpha: the test's level; the interval's level follows it.
    /// - Throws: ``TwoArmTestError`` when an arm has fewer than 2 people, the
    ///   design is singular (no residual degrees of freedom, or baselines that
    ///   do not vary), or the residual variance is 0.
    public static func test(
        a: [(baseline: Double, visit: Double)], b: [(baseline: Double, visit: Double)],
        null: Double = 0, sides: TestSides = .two, alpha: Double = 0.05
    ) throws(TwoArmTestError) -> TwoArmTest {
        guard a.count >= 2 else { throw .tooFewObservations(arm: "A", count: a.count, minimum: 2) }
        guard b.count >= 2 else { throw .tooFewObservations(arm: "B", count: b.count, minimum: 2) }
        let n = a.count + b.count
        guard n > 3 else { throw .singularDesign }
        GSLRuntime.prepare()
        guard let x = gsl_matrix_alloc(n, 3), let y = gsl_vector_alloc(n), let c = gsl_vector_alloc(3),
            let cov = gsl_matrix_alloc(3, 3), let work = gsl_multifit_linear_alloc(n, 3)
        else { throw .gsl(GSLError(code: CGSL_ENOMEM, operation: "gsl_multifit_linear_alloc")) }
        defer {
            gsl_matrix_free(x); gsl_vector_free(y); gsl_vector_free(c); gsl_matrix_free(cov)
            gsl_multifit_linear_free(work)
        }
        var row = 0
        for (arm, people) in [(1.0, a), (0.0, b)] {
            for person in people {
                gsl_matrix_set(x, row, 0, 1)
                gsl_matrix_set(x, row, 1, arm)
                gsl_matrix_set(x, row, 2, person.baseline)
                gsl_vector_set(y, row, person.visit)
                row += 1
            }
        }
        // Baselines that do not vary make the intercept and slope inseparable;
        // GSL's SVD would still return a minimum-norm fit, so refuse here.
        let baselines = a.map(\.baseline) + b.map(\.baseline)
        guard baselines.contains(where: { $0 != baselines[0] }) else { throw .singularDesign }
        var chisq = 0.0
        let status = gsl_multifit_linear(x, y, c, cov, &chisq, work)
        guard status == CGSL_SUCCESS else { throw .gsl(GSLError(code: status, operation: "gsl_multifit_linear")) }
        let df = Double(n - 3)
        // gsl_multifit_linear's cov is already σ̂²(XᵀX)⁻¹, σ̂² = χ²/(n − 3).
        let variance = gsl_matrix_get(cov, 1, 1)
        return try TwoArmTest.wald(
            estimate: gsl_vector_get(c, 1), standardError: variance.squareRoot(), degreesOfFreedom: df,
            null: null, sides: sides, alpha: alpha)
    }
}
