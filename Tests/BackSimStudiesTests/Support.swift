import BackSimCore
import BackSimScenario
import Foundation
@testable import BackSimStudies

/// A small chronic scenario for study tests (seed 41), with `uncertainty`
/// appended as YAML when given.
func studyScenario(persons: Int = 300, weeks: Int = 12, policies: String = "[control, guideline, percent:20]", uncertainty: String = "") throws -> Scenario {
    let yaml = """
        name: study-test
        description: a small chronic cohort for study tests
        seed: 41
        weeks: \(weeks)
        cohort:
          size: \(persons)
          profiles:
            - name: chronic
              condition: chronic
              baseline_pain: {distribution: normal, mean: 5.5, sd: 2, min: 1, max: 10}
              weeks_since_onset: {distribution: uniform, min: 20, max: 200}
              fitness: {distribution: beta, a: 2, b: 3}
              sessions_available: {distribution: uniform, min: 2, max: 4}
              supervised: 0.5
        policies: \(policies)
        \(uncertainty)
        """
    return try ScenarioLoader.parse(yaml: yaml, file: "study-test.yaml")
}

/// Standard normal draws from a seeded SplitMix64 (Box-Muller), for
/// constructed cases that need no model.
struct SeededNormals {
    var state: UInt64

    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
    }

    mutating func next() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}
