// Compares the team's policy with `guideline` and `control` on the built-in
// chronic cohort, then runs it week by week as the app would.
import BackSim
import Foundation
import PainGuidedPolicy

let weeks = 12
let comparison = try compare(
    [PainGuidedPolicy(), GuidelinePolicy(), ControlPolicy()], cohort: BuiltInCohorts.chronic, persons: 2_000,
    weeks: weeks, seed: 1)

func text(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }

print("Chronic cohort, 2,000 persons, week \(weeks) (reference: \(comparison.reference))")
for label in comparison.labels {
    let pain = try comparison.summary(of: label, outcome: .pain, week: weeks)
    let adherence = try comparison.summary(of: label, outcome: .adherence, week: weeks)
    print("  \(label): pain \(text(pain.mean)) [\(text(pain.ciLow)), \(text(pain.ciHigh))], adherence \(text(adherence.mean))")
}
for (policy, versus) in [("pain-guided", "control"), ("pain-guided", "guideline")] {
    let difference = try comparison.difference(of: policy, versus: versus, outcome: .pain, week: weeks)
    let interval = difference.interval.map { "[\(text($0.low)), \(text($0.high))]" } ?? "–"
    print("  \(policy) − \(versus), pain: \(text(difference.estimate)) NRS points \(interval), n = \(difference.count)")
}
if let responders = ComparisonMetric.named("responder_30") {
    let difference = try comparison.difference(of: "pain-guided", outcome: responders, week: weeks)
    let interval = difference.interval.map { "[\(text($0.low)), \(text($0.high))]" } ?? "–"
    print("  pain-guided − control, ≥30% responders: \(text(difference.estimate)) \(responders.unit) \(interval)")
}

// The app: one week at a time, state saved as JSON between weeks.
print("\nIn the app, week by week:")
let intake = BaselineObservation(painReport: 6, sessionsAvailable: 3, supervised: false, clearanceWeek: 0)
var saved = try JSONEncoder().encode(PolicyDriver(PainGuidedPolicy(), baseline: intake).saved)
for (week, painAfter) in [(1, 2), (2, 3), (3, 5), (4, 3)] {
    var driver = try PolicyDriver(
        PainGuidedPolicy(), restoring: JSONDecoder().decode(PolicyDriver<PainGuidedPolicy>.Saved.self, from: saved))
    let asked = driver.prescription
    var log = driver.observation(painReport: 5)
    for day in [0, 2, 4].prefix(asked.sessionsPerWeek) {
        log.sessions.append(SessionObservation(
            day: day, done: true, minutes: asked.aerobic.minutes, painBefore: 3, painAfter: painAfter, effort: 4))
    }
    log.sessionsDone = log.doneSessions.count
    try driver.record(log)
    print("  week \(week): \(Int(asked.aerobic.minutes)) min asked, pain after \(painAfter) → next \(Int(driver.prescription.aerobic.minutes)) min (\(driver.reason))")
    saved = try JSONEncoder().encode(driver.saved)
}
