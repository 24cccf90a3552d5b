/// The exercise catalogue of the seed guidance (clinical-evidence section 6).
public enum Exercise: Int, CaseIterable, Sendable, Codable {
    // Aerobic
    case walking, powerWalking, cycling, swimming, jogging
    // Strength
    case bridge, plank, birdDog, crunch, squat, bandRow, dumbbell
    // Stretching and mobility
    case childsPose, catCow, cobra, kneesToChest, pelvicTilt, lyingTwist
    // Warm-up and cool-down
    case warmUp, coolDown

    public enum Kind: String, Sendable { case aerobic, strength, stretching, warmUp = "warm-up", coolDown = "cool-down" }
    public enum Impact: String, Sendable, Comparable {
        case low, moderate, high
        public static func < (a: Impact, b: Impact) -> Bool { a.rank < b.rank }
        var rank: Int { switch self { case .low: 0; case .moderate: 1; case .high: 2 } }
    }

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
    public init(_ exercises: [Exercise]) {
        self.init(rawValue: exercises.reduce(0) { $0 | (1 << UInt32($1.rawValue)) })
    }

    public func contains(_ exercise: Exercise) -> Bool { rawValue & (1 << UInt32(exercise.rawValue)) != 0 }
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
