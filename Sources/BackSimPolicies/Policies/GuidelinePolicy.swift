/// `guideline`: the seed guidance's own programme (docs/evidence.md §6).
///
/// Start slowly (10-15 minute sessions, 3 a week) and work up to 30 minutes
/// on 5 days: aerobic minutes +2 a week to 20, then +2 every other week to
/// 30; a 4th session from week 5 and a 5th from week 9, never above what the
/// person said they can manage (but at least 3). Strength: light load, 1 set
/// then 2 from week 3, 8 → 10 reps, then weight added step by step (+10%,
/// reps back to 8). Stretches held 15 s rising to 30 s. Warm-up and
/// cool-down 5 minutes each. Discomfort (pain after a session 2 or more
/// points above pain before, or pain during ≥ 7) means reduce: minutes −20%,
/// load −10%. Fewer than half the sessions done: hold.
public struct GuidelinePolicy: ProgressionPolicy {
    public let label: String

    /// The seed document's programme under `label`.
    public init(label: String = "guideline") { self.label = label }

    public struct State: Sendable, Codable {
        @usableFromInline var dose: Prescription
        @usableFromInline var sessionCap: Int
    }

    /// Week 1: the seed dose with stretches held 15 s.
    public static var startingDose: Prescription {
        var dose = StartingDose.seedDocument
        dose.stretching.seconds = 15
        return dose
    }

    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(dose: Self.startingDose, sessionCap: max(3, min(5, baseline.sessionsAvailable))),
         PolicyDecision(Self.startingDose, reason: "start slowly"))
    }

    @inlinable @inline(__always)
    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        let discomfort = week.someDoneSession { $0.painAfter - $0.painBefore >= 2 || $0.painDuring >= 7 }
        if discomfort {
            state.dose.aerobic.minutes = max(StartingDose.minimumMinutes, state.dose.aerobic.minutes * 0.8)
            state.dose.strength.load = max(StartingDose.minimumLoad, state.dose.strength.load * 0.9)
            return PolicyDecision(state.dose, reason: "discomfort: reduce")
        }
        guard week.sessionsPrescribed > 0, week.sessionsDone * 2 >= week.sessionsPrescribed else {
            return PolicyDecision(state.dose, reason: "fewer than half the sessions done: hold")
        }
        let next = week.week + 1
        var dose = state.dose
        dose.sessionsPerWeek = min(next >= 9 ? 5 : next >= 5 ? 4 : 3, state.sessionCap)
        if dose.aerobic.minutes < 20 {
            dose.aerobic.minutes = min(dose.aerobic.minutes + 2, 20)
        } else if next % 2 == 0 {
            dose.aerobic.minutes = min(dose.aerobic.minutes + 2, 30)
        }
        dose.strength.sets = next >= 3 ? 2 : 1
        let reps = week.prescription.strength.reps
        let repsReached = week.everyDoneSession { $0.setsCompleted == 0 || $0.lowestReps >= reps }
        if repsReached && week.someDoneSession({ $0.setsCompleted > 0 }) {
            if dose.strength.reps < 10 {
                dose.strength.reps += 1
            } else {
                dose.strength.load = min(dose.strength.load * 1.1, StartingDose.maximumLoad)
                dose.strength.reps = 8
            }
        }
        dose.stretching.seconds = min(dose.stretching.seconds + 5, 30)
        state.dose = dose
        return PolicyDecision(dose, reason: "progress on schedule")
    }
}
