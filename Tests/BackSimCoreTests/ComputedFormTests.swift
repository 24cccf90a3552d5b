@testable import BackSimCore
import Foundation
import Testing

/// Model 3 computes some of model 2's equations in cheaper forms
/// (`docs/model.md` §15). Each form must equal the equation as written to
/// within rounding, on both sides of every branch it takes.
@Suite struct ComputedFormTests {
    /// The equation as written in §6: L = min(10, min(10, b·r_c·e^lf)·e^−B + soreness + F).
    static func latentAsWritten(scale: Double, logFactor: Double, benefit: Double, soreness: Double, flare: Double)
        -> Double
    {
        min(10, min(10, scale * Exponential.exp(logFactor)) * Exponential.exp(-benefit) + soreness + flare)
    }

    /// Trains a capacity with `days` days of `load` AU.
    static func trained(_ traits: PersonTraits, days: Int, load: Double) -> Capacity {
        var capacity = Capacity(traits: traits, parameters: ModelParameters())
        for _ in 0..<days { capacity.endDay(load: load) }
        return capacity
    }

    /// The one-`exp` form against the two-`exp` form, over baselines, class
    /// courses above and below 1, fluctuations that put natural pain far
    /// below, at and far above its cap, and benefits from none to large.
    @Test(arguments: [0.5, 5.8, 9.5, 10])
    func latentPainWithOneExpEqualsTheEquationAsWritten(baseline: Double) {
        let traits = PersonTraits(condition: .chronic, baselinePain: baseline, responseEffect: 1.5)
        let model = PersonModel(traits: traits, parameters: ModelParameters())
        var branches = Set<String>()
        for (days, load) in [(0, 0.0), (3, 60.0), (40, 50.0), (200, 200.0)] {
            let capacity = Self.trained(traits, days: days, load: load)
            let benefit = model.benefit(capacity)
            let soreness = ModelParameters().soreness * max(0, -capacity.form)
            for classCourse in [0.0, 0.3, 1.0, 1.0.nextUp, 1.4] {
                for logFactor in stride(from: -3.0, through: 3.0, by: 0.01) {
                    let scale = baseline * classCourse
                    let natural = NaturalPain(scale: scale, logFactor: logFactor)
                    let computed = model.latentPain(natural: natural, capacity: capacity, flare: 0.3)
                    let written = Self.latentAsWritten(
                        scale: scale, logFactor: logFactor, benefit: benefit, soreness: soreness, flare: 0.3)
                    #expect(abs(computed - written) <= 4e-15 * written, "b \(baseline) r_c \(classCourse) lf \(logFactor) B \(benefit)")
                    if benefit == 0 {
                        #expect(computed == written)  // untrained: bit for bit
                        branches.insert("untrained")
                    } else {
                        branches.insert(scale * Exponential.exp(logFactor) > 10 ? "capped" : "uncapped")
                    }
                }
            }
        }
        #expect(branches == ["untrained", "capped", "uncapped"])
    }

    /// Below the cap, including class courses above 1, the day costs one
    /// `exp`: the value is exactly b·r_c·exp(log factor − B) + soreness + F.
    @Test func latentPainBelowTheCapUsesOneExp() {
        let traits = PersonTraits(condition: .persistent, baselinePain: 5.8)
        let model = PersonModel(traits: traits, parameters: ModelParameters())
        let capacity = Self.trained(traits, days: 40, load: 50)
        let benefit = model.benefit(capacity)
        let soreness = ModelParameters().soreness * max(0, -capacity.form)
        #expect(benefit > 0)
        for (classCourse, logFactor) in [(1.0, 0.0), (1.08, 0.3), (0.5, 1.0), (1.3, -0.5)] {
            let natural = NaturalPain(scale: 5.8 * classCourse, logFactor: logFactor)
            let oneExp = min(10, natural.scale * Exponential.exp(logFactor - benefit) + soreness + 0.2)
            #expect(model.latentPain(natural: natural, capacity: capacity, flare: 0.2) == oneExp)
        }
    }

    /// exp(−n/n₀) kept by multiplication stays within rounding of `exp`
    /// over more strength sessions than any run makes (7 a week for 520 weeks).
    @Test func strengthCapabilityByMultiplicationEqualsExp() {
        let traits = PersonTraits(condition: .chronic, baselinePain: 5)
        let parameters = ModelParameters()
        var capacity = Capacity(traits: traits, parameters: parameters)
        for n in 0...3_640 {
            #expect(capacity.strengthSessions == n)
            let written = exp(-Double(n) / parameters.strengthSessions)
            #expect(abs(capacity.strengthUntrained - written) <= 1e-12 * max(written, 1e-300) + 1e-300, "n = \(n)")
            capacity.countStrengthSession()
        }
    }

    /// r·r·√r against pow(r, 2.5) over the ratios a session can have
    /// (capability 1-6 over load 0.01-3, and beyond).
    @Test func powerTwoAndAHalfBySquareRootEqualsPow() {
        for relative in stride(from: 0.001, through: 700, by: 0.0137) {
            let computed = relative * relative * relative.squareRoot()
            let written = pow(relative, 2.5)
            #expect(abs(computed - written) <= 4e-16 * written, "r = \(relative)")
        }
    }
    /// The week loop skips the capacity's update in weeks of an untouched
    /// capacity without sessions: a day without load must leave it exactly
    /// as it was, with no form and nothing built; any load touches it.
    @Test(arguments: [PersonTraits(condition: .chronic, baselinePain: 5.8),
                      PersonTraits(condition: .postSurgical, baselinePain: 3, fitness: 0.9)])
    func anUntouchedCapacityStaysUntouchedOnRestDays(traits: PersonTraits) {
        var capacity = Capacity(traits: traits, parameters: ModelParameters())
        #expect(capacity.isUntouched)
        for _ in 0..<400 { capacity.endDay(load: 0) }
        #expect(capacity.isUntouched)
        #expect(capacity.form.bitPattern == 0 && capacity.builtFraction.bitPattern == 0)
        capacity.endDay(load: 1)
        #expect(!capacity.isUntouched)
        for _ in 0..<7 { capacity.endDay(load: 0) }
        #expect(!capacity.isUntouched)
    }
}
