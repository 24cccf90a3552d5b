import CGSL

/// Special functions evaluated by GSL, with GSL's status turned into a typed
/// error instead of GSL's default abort.
public enum SpecialFunctions {
    /// The gamma function Γ(x) = ∫₀^∞ t^(x−1) e^(−t) dt, continued
    /// analytically to negative non-integers (`gsl_sf_gamma_e`).
    ///
    /// Γ(n) = (n − 1)! for positive integers n.
    ///
    /// - Throws: `GSLError` with code `GSL_EDOM` at the poles x = 0, −1, −2, …,
    ///   and `GSL_EOVRFLW` when Γ(x) exceeds the `Double` range (x > about 171.6).
    public static func gamma(_ x: Double) throws(GSLError) -> Double {
        GSLRuntime.prepare()  // the default handler would abort on a pole
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_gamma_e(x, &result), "gsl_sf_gamma_e(\(x))")
        return result.val
    }

    /// log |Γ(x)| (`gsl_sf_lngamma_e`), finite far beyond where Γ overflows.
    ///
    /// For x < 0 this is the logarithm of the *absolute value*: the sign of
    /// Γ(x) is lost (it is negative on (−1, 0), (−3, −2), …).
    ///
    /// - Throws: `GSLError` at the poles x = 0, −1, −2, … (GSL reports
    ///   `GSL_EDOM`, or a loss-of-accuracy code very close to a pole).
    public static func logGamma(_ x: Double) throws(GSLError) -> Double {
        GSLRuntime.prepare()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_lngamma_e(x, &result), "gsl_sf_lngamma_e(\(x))")
        return result.val
    }
}
