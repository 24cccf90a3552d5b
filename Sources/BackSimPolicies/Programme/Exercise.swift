/// The exercise catalogue of the seed guidance (docs/evidence.md §6, rules 1-2).
public enum Exercise: Int, CaseIterable, Sendable, Codable {
    // Aerobic
    /// The catalogue exercise `walking` (see ``name`` for its written form).
    case walking
    /// The catalogue exercise `powerWalking` (see ``name`` for its written form).
    case powerWalking
    /// The catalogue exercise `cycling` (see ``name`` for its written form).
    case cycling
    /// The catalogue exercise `swimming` (see ``name`` for its written form).
    case swimming
    /// The catalogue exercise `jogging` (see ``name`` for its written form).
    case jogging
    // Strength
    /// The catalogue exercise `bridge` (see ``name`` for its written form).
    case bridge
    /// The catalogue exercise `plank` (see ``name`` for its written form).
    case plank
    /// The catalogue exercise `birdDog` (see ``name`` for its written form).
    case birdDog
    /// The catalogue exercise `crunch` (see ``name`` for its written form).
    case crunch
    /// The catalogue exercise `squat` (see ``name`` for its written form).
    case squat
    /// The catalogue exercise `bandRow` (see ``name`` for its written form).
    case bandRow
    /// The catalogue exercise `dumbbell` (see ``name`` for its written form).
    case dumbbell
    // Stretching and mobility
    /// The catalogue exercise `childsPose` (see ``name`` for its written form).
    case childsPose
    /// The catalogue exercise `catCow` (see ``name`` for its written form).
    case catCow
    /// The catalogue exercise `cobra` (see ``name`` for its written form).
    case cobra
    /// The catalogue exercise `kneesToChest` (see ``name`` for its written form).
    case kneesToChest
    /// The catalogue exercise `pelvicTilt` (see ``name`` for its written form).
    case pelvicTilt
    /// The catalogue exercise `lyingTwist` (see ``name`` for its written form).
    case lyingTwist
    // Warm-up and cool-down
    /// The catalogue exercise `warmUp` (see ``name`` for its written form).
    case warmUp
    /// The catalogue exercise `coolDown` (see ``name`` for its written form).
    case coolDown

    /// The seed document's kinds of exercise; `rawValue` is the name in outputs.
    public enum Kind: String, Sendable {
        /// Walking, cycling, swimming, jogging.
        case aerobic
        /// Body-weight, band or weight exercises in sets × reps.
        case strength
        /// Stretching and mobility holds.
        case stretching
        /// Light activity before a session.
        case warmUp = "warm-up"
        /// Light activity after a session.
        case coolDown = "cool-down"
    }

    /// Impact on the spine, ordered low < moderate < high.
    public enum Impact: String, Sendable, Comparable {
        /// Little load on the spine (walking, bridge, stretches).
        case low
        /// Some load (power walking, squat, crunch).
        case moderate
        /// Running and heavy lifting.
        case high
        /// Lower impact first.
        public static func < (a: Impact, b: Impact) -> Bool { a.rank < b.rank }
        var rank: Int { switch self { case .low: 0; case .moderate: 1; case .high: 2 } }
    }

    /// Aerobic, strength, stretching, warm-up or cool-down.
    public var kind: Kind {
        switch self {
        case .walking, .powerWalking, .cycling, .swimming, .jogging: .aerobic
        case .bridge, .plank, .birdDog, .crunch, .squat, .bandRow, .dumbbell: .strength
        case .childsPose, .catCow, .cobra, .kneesToChest, .pelvicTilt, .lyingTwist: .stretching
        case .warmUp: .warmUp
        case .coolDown: .coolDown
        }
    }

    /// Impact on the spine; running and heavy lifting carry more risk.
    public var impact: Impact {
        switch self {
        case .jogging, .dumbbell: .high
        case .powerWalking, .squat, .crunch: .moderate
        default: .low
        }
    }

    /// Loads the spine by twisting or bending at the waist (may aggravate pain).
    public var twistsOrBends: Bool {
        switch self {
        case .crunch, .lyingTwist, .dumbbell, .squat: true
        default: false
        }
    }

    /// Name as written in scenario files and traces.
    public var name: String {
        switch self {
        case .walking: "walking"
        case .powerWalking: "power-walking"
        case .cycling: "cycling"
        case .swimming: "swimming"
        case .jogging: "jogging"
        case .bridge: "bridge"
        case .plank: "plank"
        case .birdDog: "bird-dog"
        case .crunch: "crunch"
        case .squat: "squat"
        case .bandRow: "band-row"
        case .dumbbell: "dumbbell"
        case .childsPose: "childs-pose"
        case .catCow: "cat-cow"
        case .cobra: "cobra"
        case .kneesToChest: "knees-to-chest"
        case .pelvicTilt: "pelvic-tilt"
        case .lyingTwist: "lying-twist"
        case .warmUp: "warm-up"
        case .coolDown: "cool-down"
        }
    }
}

/// A set of catalogue exercises as a bit mask (no heap storage).
public struct ExerciseSet: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// The set of the given exercises.
    public init(_ exercises: [Exercise]) {
        self.init(rawValue: exercises.reduce(0) { $0 | (1 << UInt32($1.rawValue)) })
    }

    /// Whether `exercise` is in the set.
    public func contains(_ exercise: Exercise) -> Bool { rawValue & (1 << UInt32(exercise.rawValue)) != 0 }
    /// The number of exercises in the set.
    public var count: Int { rawValue.nonzeroBitCount }
}

extension ExerciseSet: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Exercise...) { self.init(elements) }
}

extension ExerciseSet {
    /// Catalogue exercises of high impact on the spine.
    public static let highImpact = ExerciseSet(Exercise.allCases.filter { $0.impact == .high })
    /// Catalogue exercises that twist or bend at the waist.
    public static let twistingOrBending = ExerciseSet(Exercise.allCases.filter(\.twistsOrBends))
}
