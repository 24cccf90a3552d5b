/// `double-progression:I`: strength double progression (ACSM 2009).
///
/// Two sets in a rep range of 8-12. When every working set of every done
/// strength session reaches the current target, the target rises by one
/// rep; when every working set reaches the top of the range (12), the load
/// rises by I% (2-10, default 5) and the target returns to the bottom (8).
/// One set short of the target, or a session with fewer sets: no change.
/// Aerobic and stretching work stay at the starting dose.
public struct DoubleProgressionPolicy: ProgressionPolicy {
    public let label: String
    /// Load increase, percent.
    public let increment: Double
    /// Bottom of the rep range: reps return here when load is added.
    public static let bottomReps = 8
    /// Top of the rep range: reaching it in every set adds load.
    public static let topReps = 12
    /// Working sets per exercise.
    public static let sets = 2

    /// A policy adding `increment` percent of load at the top of the rep range; the label defaults to `double-progression:INCREMENT`.
    public init(increment: Double = 5, label: String? = nil) {
        self.increment = increment
        self.label = label ?? "double-progression:\(increment.compactText)"
    }

    /// The seed dose with two sets at the bottom of the rep range.
    public static var startingDose: Prescription {
        var dose = StartingDose.seedDocument
        dose.strength.sets = sets
        dose.strength.reps = bottomReps
        return dose
    }

    public func start(_ baseline: BaselineObservation) -> (Prescription, PolicyDecision) {
        (Self.startingDose, PolicyDecision(Self.startingDose, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state dose: inout Prescription) -> PolicyDecision {
        let target = week.prescription.strength.reps, sets = week.prescription.strength.sets
        guard !week.prescription.strength.isEmpty, week.someDoneSession({ $0.setsCompleted > 0 }) else {
            return PolicyDecision(dose, reason: "no strength session done: hold")
        }
        let allSetsAtTarget = week.everyDoneSession { $0.setsCompleted == 0 || ($0.setsCompleted >= sets && $0.lowestReps >= target) }
        guard allSetsAtTarget else { return PolicyDecision(dose, reason: "a set fell short of the target: hold") }
        if target >= Self.topReps {
            dose.strength.load = min(dose.strength.load * (1 + increment / 100), StartingDose.maximumLoad)
            dose.strength.reps = Self.bottomReps
            return PolicyDecision(dose, reason: "every set at the top of the range: add load, reps to bottom")
        }
        dose.strength.reps = min(target + 1, Self.topReps)
        return PolicyDecision(dose, reason: "every set at target: add a rep")
    }
}
