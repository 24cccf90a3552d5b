@testable import BackSimCalibration
import BackSimCore
import Foundation
import Testing

/// The calibrator: bounds by transform, a deterministic and smooth
/// objective, and recovery of parameters from targets the model made.
@Suite struct CalibratorTests {
    static let painBenefit = ModelParameters.spec(named: "capacity.pain_benefit")!
    static let perPain = ModelParameters.spec(named: "function.per_pain")!
    static let dropoutBase = ModelParameters.spec(named: "dropout.base")!

    /// Three targets on one small run: guideline − control in pain (NRS) and
    /// disability at week 12, and retention under guideline at week 12.
    static func targets(pain: (Double, Double), disability: (Double, Double), retention: (Double, Double),
                        persons: Int = 300, seed: UInt64 = 11) throws -> TargetFile {
        func figure(_ bounds: (Double, Double)) -> String {
            "value: \((bounds.0 + bounds.1) / 2)\n    interval: [\(bounds.0), \(bounds.1)]"
        }
        return try Support.parse("""
            name: recovery
            description: targets derived from the model itself
            persons: \(persons)
            seed: \(seed)
            targets:
              - name: pain-difference
                cohort: chronic
                policy: guideline
                versus: control
                outcome: pain
                week: 12
                \(figure(pain))
                source: the model at θ
              - name: disability-difference
                cohort: chronic
                policy: guideline
                versus: control
                outcome: disability
                week: 12
                \(figure(disability))
                source: the model at θ
              - name: retention
                cohort: chronic
                policy: guideline
                outcome: retention
                week: 12
                \(figure(retention))
                source: the model at θ

            """)
    }

    @Test func boundsAreKeptByALogisticTransform() throws {
        let parameter = try CalibrationParameter(Self.dropoutBase, bounds: -10 ... -1, start: -5.3)
        #expect(parameter.start == -5.3)
        for y in [-50.0, -3, 0, 2.5, 50] {
            #expect(parameter.bounds.contains(parameter.value(y)))
        }
        #expect(abs(parameter.value(parameter.coordinate(-5.3)) - -5.3) < 1e-12)
        // A start on a bound moves 1% of the width inside.
        #expect(try CalibrationParameter(Self.painBenefit, bounds: 0...2, start: 0).start == 0.02)
        #expect(throws: CalibrationError.self) { try CalibrationParameter(Self.painBenefit, bounds: 0...9) }
        #expect(throws: CalibrationError.self) { try CalibrationParameter(Self.painBenefit, bounds: 1...2, start: 0.5) }
    }

    @Test func theObjectiveIsDeterministicAndSmoothInAPainParameter() throws {
        // Model 2's benefit reaches people through the dose they do, which
        // adherence and dropout (step functions) decide: 1,000 persons keep
        // those steps small against a 0.01 step of the parameter.
        let file = try Self.targets(pain: (-1.2, -1.1), disability: (-5, -4.9), retention: (0.9, 0.91), persons: 1_000)
        let calibrator = Calibrator(
            runner: EvidenceRunner(files: [file], settings: .init(threads: 2)),
            parameters: [try CalibrationParameter(Self.painBenefit, bounds: 0...2)], sizeTolerance: 1e-3, maximumEvaluations: 50)
        let values = try [0.60, 0.61, 0.62].map { try calibrator.objective(at: [$0]).estimates[0].smooth! }
        // Common random numbers: the same parameters give the same figure, bit for bit.
        #expect(try calibrator.objective(at: [0.61]).estimates[0].smooth! == values[1])
        // Expected reports, not rounded ones: a 0.01 step moves the pain
        // difference monotonically and nearly linearly.
        #expect(values[0] > values[1] && values[1] > values[2], "\(values)")
        let first = values[0] - values[1], second = values[1] - values[2]
        // (Curvature: the difference is N·(1 − exp(−B)), concave in the benefit.)
        #expect(abs(first - second) < 0.5 * first, "\(values)")
    }

    /// The acceptance test: simulate with identifiable parameters θ,
    /// derive narrow targets from the run, calibrate from a different start
    /// and recover θ.
    ///
    /// Tolerances: each target is its value at θ ± a half-width (pain 0.01
    /// NRS, disability 0.05 points, retention 0.01 = 3 of 300 persons) and the
    /// search stops anywhere inside all three. Sensitivities at θ (measured,
    /// finite differences, shipped defaults otherwise): pain difference −2.1
    /// NRS per unit of pain benefit and +0.07 per unit of dropout base;
    /// disability difference −1.8 per unit of disability per pain, −7.5 per
    /// unit of pain benefit and +0.27 per unit of dropout base; retention
    /// −0.13 per unit of dropout base. Worst cases: dropout base ± 0.10
    /// (0.01 / 0.13 plus one person's step), pain benefit ± 0.008, disability
    /// per pain ± 0.08. The stated tolerances are two to three times those:
    /// ± 0.02, ± 0.15, ± 0.3.
    @Test func recoversKnownParametersFromTargetsTheModelMade() throws {
        let theta = [0.70, 3.6, -4.2]
        let specs = [Self.painBenefit, Self.perPain, Self.dropoutBase]
        let probe = EvidenceRunner(files: [try Self.targets(pain: (-1, 0), disability: (-1, 0), retention: (0, 1))],
                                   settings: .init(threads: 2))
        let atTheta = try probe.evaluate(parameters: zip(specs, theta).map { ParameterValue($0, $1) }, expectations: true)
            .map { $0.smooth! }
        let file = try Self.targets(
            pain: (atTheta[0] - 0.01, atTheta[0] + 0.01), disability: (atTheta[1] - 0.05, atTheta[1] + 0.05),
            retention: (atTheta[2] - 0.01, atTheta[2] + 0.01))
        let parameters = try [
            CalibrationParameter(Self.painBenefit, bounds: 0...2, start: 0.45),
            CalibrationParameter(Self.perPain, bounds: 0...10, start: 4.8),
            CalibrationParameter(Self.dropoutBase, bounds: -10...0, start: -5.5),
        ]
        let calibrator = Calibrator(
            runner: EvidenceRunner(files: [file], settings: .init(threads: 2)), parameters: parameters,
            sizeTolerance: 1e-4, maximumEvaluations: 400)
        var iterations = 0
        let result = try calibrator.run { _ in iterations += 1 }
        #expect(result.converged)
        #expect(result.stop == .targetValue, "every derived target met: \(result.objective)")
        #expect(iterations == result.iterations)
        let tolerances = [0.02, 0.15, 0.3]
        for index in theta.indices {
            #expect(abs(result.fitted[index] - theta[index]) <= tolerances[index],
                    "\(specs[index].name): fitted \(result.fitted[index]), θ \(theta[index])")
        }
        print("recovery: \(result.fitted) after \(result.iterations) iterations, \(result.evaluations) evaluations")
    }

    @Test func noGatingTargetsIsAnError() throws {
        let file = try Support.parse(targetFile("""
            name: gap
            cohort: acute
            policy: control
            outcome: pain
            week: 1
            value: 4
            interval: [3, 5]
            source: x
            gating: false
            reason: only reported
            """, header: "persons: 10\n"))
        let calibrator = Calibrator(
            runner: EvidenceRunner(files: [file]), parameters: [try CalibrationParameter(Self.painBenefit)],
            sizeTolerance: 1e-3, maximumEvaluations: 10)
        #expect(throws: CalibrationError.self) { try calibrator.run() }
    }
}
