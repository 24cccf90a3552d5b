/// What a policy asks a person to do next week.
///
/// Covers the seed guidance's three kinds of exercise (docs/evidence.md §6) plus warm-up and
/// cool-down. A value type with no heap storage, so policies can return a
/// new one every week without allocating.
public struct Prescription: Equatable, Sendable, Codable {
    /// Sessions a week, 0-7. Zero means no programme this week.
    public var sessionsPerWeek: Int
    /// The aerobic part of each session.
    public var aerobic: AerobicDose
    /// The strength part of each session.
    public var strength: StrengthDose
    /// The stretching part of each session.
    public var stretching: StretchingDose
    /// Minutes of light activity before and after each session.
    public var warmUpMinutes: Double
    /// Minutes of cool-down after each session.
    public var coolDownMinutes: Double

    /// A prescription; parts not given are empty.
    public init(
        sessionsPerWeek: Int, aerobic: AerobicDose = .none, strength: StrengthDose = .none,
        stretching: StretchingDose = .none, warmUpMinutes: Double = 0, coolDownMinutes: Double = 0
    ) {
        self.sessionsPerWeek = sessionsPerWeek
        self.aerobic = aerobic
        self.strength = strength
        self.stretching = stretching
        self.warmUpMinutes = warmUpMinutes
        self.coolDownMinutes = coolDownMinutes
    }

    /// No programme at all (the `control` arm).
    public static let none = Prescription(sessionsPerWeek: 0)

    /// No sessions this week.
    public var isEmpty: Bool { sessionsPerWeek == 0 }
}

/// Aerobic part of a session.
public struct AerobicDose: Equatable, Sendable, Codable {
    /// The aerobic exercise (walking by default).
    public var activity: Exercise
    /// Minutes per session.
    public var minutes: Double
    /// Target effort, session RPE 0-10 (CR-10; 3-4 = moderate).
    public var intensity: Double

    /// An aerobic dose.
    public init(activity: Exercise, minutes: Double, intensity: Double) {
        self.activity = activity
        self.minutes = minutes
        self.intensity = intensity
    }

    /// No aerobic work.
    public static let none = AerobicDose(activity: .walking, minutes: 0, intensity: 0)
}

/// Strength part of a session: the same sets × reps × load for each exercise.
public struct StrengthDose: Equatable, Sendable, Codable {
    /// The strength exercises, each done for `sets` × `reps`.
    public var exercises: ExerciseSet
    /// Working sets per exercise.
    public var sets: Int
    /// Target reps per set (the policy's rep-range position).
    public var reps: Int
    /// External load as a fraction of the person's starting capability
    /// (1 = the light load or band level they start with).
    public var load: Double

    /// A strength dose.
    public init(exercises: ExerciseSet, sets: Int, reps: Int, load: Double) {
        self.exercises = exercises
        self.sets = sets
        self.reps = reps
        self.load = load
    }

    /// No strength work.
    public static let none = StrengthDose(exercises: [], sets: 0, reps: 0, load: 0)
    /// No exercise, set or rep.
    public var isEmpty: Bool { exercises.isEmpty || sets == 0 || reps == 0 }
}

/// Stretching and mobility part of a session.
public struct StretchingDose: Equatable, Sendable, Codable {
    /// The stretches, each held `holds` times.
    public var exercises: ExerciseSet
    /// Holds per exercise.
    public var holds: Int
    /// Seconds per hold.
    public var seconds: Double

    /// A stretching dose.
    public init(exercises: ExerciseSet, holds: Int, seconds: Double) {
        self.exercises = exercises
        self.holds = holds
        self.seconds = seconds
    }

    /// No stretching.
    public static let none = StretchingDose(exercises: [], holds: 0, seconds: 0)
    /// No stretch or hold.
    public var isEmpty: Bool { exercises.isEmpty || holds == 0 }
}
