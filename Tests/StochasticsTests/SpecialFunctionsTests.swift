import CGSL  // only for GSL's status-code constants
import Foundation
import Stochastics
import Testing

struct SpecialFunctionsTests {
    /// Γ(n) = (n − 1)!, Γ(1/2) = √π, Γ(−1/2) = −2√π (exact identities).
    @Test("Gamma at integers and half-integers")
    func gammaValues() throws {
        #expect(try SpecialFunctions.gamma(1) == 1)
        #expect(isClose(try SpecialFunctions.gamma(5), 24, within: 1e-13))
        #expect(isClose(try SpecialFunctions.gamma(11), 3_628_800, within: 1e-8))
        let rootPi = Double.pi.squareRoot()
        #expect(isClose(try SpecialFunctions.gamma(0.5), rootPi, within: 1e-15))
        #expect(isClose(try SpecialFunctions.gamma(-0.5), -2 * rootPi, within: 1e-14))
    }

    /// log Γ(100) = log 99! = Σ_{k=2}^{99} log k, summed here independently.
    @Test("log Gamma where Gamma itself would overflow")
    func logGammaValues() throws {
        let logFactorial99 = (2...99).reduce(0.0) { $0 + log(Double($1)) }
        #expect(isClose(try SpecialFunctions.logGamma(100), logFactorial99, within: 1e-12))
        #expect(isClose(try SpecialFunctions.logGamma(0.5), log(Double.pi.squareRoot()), within: 1e-15))
        // log |Γ(−1/2)| = log(2√π): the sign is dropped, as documented.
        #expect(isClose(try SpecialFunctions.logGamma(-0.5), log(2 * Double.pi.squareRoot()), within: 1e-14))
        #expect(try SpecialFunctions.logGamma(1000).isFinite)
        #expect(throws: GSLError.self) { try SpecialFunctions.gamma(1000) }
    }

    /// With GSL's default handler this call would print and abort the whole
    /// test process (exit 134); reaching the assertions proves the handler is off.
    @Test("Gamma at a pole throws GSL_EDOM instead of aborting")
    func poleThrowsDomainError() throws {
        let error = #expect(throws: GSLError.self) { try SpecialFunctions.gamma(-1) }
        #expect(error?.code == CGSL_EDOM)
        #expect(CGSL_EDOM == Int32(GSL_EDOM) && GSL_EDOM == 1)  // gsl_errno.h: GSL_EDOM = 1
        #expect(error?.description.contains("gsl_sf_gamma_e") == true)

        #expect(throws: GSLError(code: CGSL_EDOM, operation: "gsl_sf_gamma_e(0.0)")) {
            try SpecialFunctions.gamma(0)
        }
        #expect(throws: GSLError(code: CGSL_EDOM, operation: "gsl_sf_lngamma_e(0.0)")) {
            try SpecialFunctions.logGamma(0)
        }
        #expect(throws: GSLError.self) { try SpecialFunctions.logGamma(-1) }
    }

    @Test("Overflow is reported as GSL_EOVRFLW")
    func overflow() {
        let error = #expect(throws: GSLError.self) { try SpecialFunctions.gamma(200) }
        #expect(error?.code == Int32(GSL_EOVRFLW))
    }
}
