/// The seed guidance's starting programme: "start slowly" (docs/evidence.md §6).
///
/// Three sessions a week of 12 minutes' walking at moderate effort (RPE 4),
/// one set of 8 reps of three low-impact body-weight exercises at a light
/// load, three stretches held twice for 20 s, and 5 minutes each of warm-up
/// and cool-down (docs/evidence.md §6, rules 3-5).
public enum StartingDose {
    /// Bridge, bird-dog and plank: low impact, no twisting or bending.
    public static let strengthExercises: ExerciseSet = [.bridge, .birdDog, .plank]
    /// Cat-cow, knees-to-chest and child's pose.
    public static let stretches: ExerciseSet = [.catCow, .kneesToChest, .childsPose]

    /// The seed document's week-1 prescription.
    public static let seedDocument = Prescription(
        sessionsPerWeek: 3,
        aerobic: AerobicDose(activity: .walking, minutes: 12, intensity: 4),
        strength: StrengthDose(exercises: strengthExercises, sets: 1, reps: 8, load: 1),
        stretching: StretchingDose(exercises: stretches, holds: 2, seconds: 20),
        warmUpMinutes: 5, coolDownMinutes: 5)

    /// Upper limits shared by progressive policies: 60 aerobic minutes a
    /// session and three times the starting strength load.
    public static let maximumMinutes = 60.0
    /// Strength load ceiling, 3 × the starting load.
    public static let maximumLoad = 3.0
    /// Lower limits when regressing: 5 minutes and half the starting load.
    public static let minimumMinutes = 5.0
    /// Strength load floor, half the starting load.
    public static let minimumLoad = 0.5
}

extension Prescription {
    /// Aerobic minutes and strength load multiplied by `factor`, kept within
    /// ``StartingDose``'s limits.
    public func scaled(by factor: Double) -> Prescription {
        var next = self
        next.aerobic.minutes = min(max(aerobic.minutes * factor, StartingDose.minimumMinutes), StartingDose.maximumMinutes)
        if !strength.isEmpty {
            next.strength.load = min(max(strength.load * factor, StartingDose.minimumLoad), StartingDose.maximumLoad)
        }
        return next
    }
}
