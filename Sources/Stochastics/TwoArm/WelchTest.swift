/// Welch's two-sample t test of the mean difference x̄_A − x̄_B, with the
/// Welch–Satterthwaite degrees of freedom
///
///     se² = s²_A/n_A + s²_B/n_B,
///     ν   = se⁴ / ((s²_A/n_A)²/(n_A − 1) + (s²_B/n_B)²/(n_B − 1)).
///
/// Equal to scipy's `ttest_ind(a, b, equal_var=False)`.
public enum WelchTest {
    /// - Throws: ``TwoArmTestError`` when an arm has fewer than 2 values or
    ///   both arms have zero variance.
    public static func test(
        a: [Double], b: [Double], null: Double = 0, sides: TestSides = .two, alpha: Double = 0.05
    ) throws(TwoArmTestError) -> TwoArmTest {
        guard a.count >= 2 else { throw .tooFewObservations(arm: "A", count: a.count, minimum: 2) }
        guard b.count >= 2 else { throw .tooFewObservations(arm: "B", count: b.count, minimum: 2) }
        let (meanA, varA) = moments(a), (meanB, varB) = moments(b)
        let va = varA / Double(a.count), vb = varB / Double(b.count)
        let se2 = va + vb
        guard se2 > 0 else { throw .noVariation }
        let df = se2 * se2 / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        return try TwoArmTest.wald(
            estimate: meanA - meanB, standardError: se2.squareRoot(), degreesOfFreedom: df, null: null,
            sides: sides, alpha: alpha)
    }

    /// Mean and sample variance (divisor n − 1), two-pass.
    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / Double(values.count - 1))
    }
}
