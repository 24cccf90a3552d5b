import BackSimCore

/// An outcome a study reports per person at one week, as a whole number of
/// its ``scale`` so that sums stay exact and merge in any order.
public struct StudyOutcome: Equatable, Sendable {
    public let name: String
    public let unit: String
    /// Whether a larger value is better (retention) or worse (pain).
    public let higherIsBetter: Bool
    /// Value in the outcome's unit = recorded whole number × scale.
    public let scale: Double
    /// The smallest difference that matters to patients, in the outcome's
    /// unit (docs/outcomes.md), shown as the importance threshold.
    public let importantDifference: Double?
    let measure: Measure

    enum Measure: Equatable, Sendable {
        case pain, disability, painChange, disabilityChange, retention, responder30, responder2pt, responder50
        case flareUps, sessionsDone
        /// Set per person by a caller of ``OutcomeTally/record(_:)`` (tests, other engines).
        case given
    }

    /// An outcome whose per-person values the caller records itself.
    public init(name: String, unit: String, higherIsBetter: Bool, scale: Double = 1, importantDifference: Double? = nil) {
        self.init(name, unit, higherIsBetter, scale, importantDifference, .given)
    }

    init(_ name: String, _ unit: String, _ higherIsBetter: Bool, _ scale: Double, _ importantDifference: Double?, _ measure: Measure) {
        self.name = name
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.scale = scale
        self.importantDifference = importantDifference
        self.measure = measure
    }

    /// Reported pain at the week, NRS 0-10 (lower is better; 1 point
    /// between groups, docs/outcomes.md).
    public static let pain = StudyOutcome("pain", "NRS 0-10", false, 1, 1, .pain)
    public static let disability = StudyOutcome("disability", "points 0-100", false, 1, 5, .disability)
    public static let painChange = StudyOutcome("pain_change", "NRS points", false, 1, 1, .painChange)
    public static let disabilityChange = StudyOutcome("disability_change", "points", false, 1, 5, .disabilityChange)
    /// Still in the programme at the week (share).
    public static let retention = StudyOutcome("retention", "share 0-1", true, 1, 0.1, .retention)
    public static let responder30 = StudyOutcome("responder_30", "share 0-1", true, 1, 0.1, .responder30)
    public static let responder2pt = StudyOutcome("responder_2pt", "share 0-1", true, 1, 0.1, .responder2pt)
    public static let responder50 = StudyOutcome("responder_50", "share 0-1", true, 1, 0.1, .responder50)
    /// Flare-ups from week 1 to the week (count per person).
    public static let flareUps = StudyOutcome("flare_ups", "count", false, 1, nil, .flareUps)
    /// Sessions done from week 1 to the week.
    public static let sessionsDone = StudyOutcome("sessions_done", "sessions", true, 1, nil, .sessionsDone)

    public static let all: [StudyOutcome] = [
        .pain, .disability, .painChange, .disabilityChange, .retention, .responder30, .responder2pt, .responder50,
        .flareUps, .sessionsDone,
    ]

    public static func named(_ name: String) -> StudyOutcome? { all.first { $0.name == name } }

    /// Whether `a` is better than `b` (by more than `margin` ≥ 0).
    @inline(__always)
    func better(_ a: Double, than b: Double, by margin: Double = 0) -> Bool {
        higherIsBetter ? a - b > margin : b - a > margin
    }

    /// The value with larger = better (negated when lower is better).
    @inline(__always)
    func benefit(_ value: Double) -> Double { higherIsBetter ? value : -value }
}

extension StudyOutcome.Measure {
    /// The outcome's whole number for a person at the week; nil for ``given``.
    @inline(__always)
    func value(_ p: PersonAtWeek) -> Int? {
        switch self {
        case .pain: return p.pain
        case .disability: return p.disability
        case .painChange: return p.pain - p.baselinePain
        case .disabilityChange: return p.disability - p.baselineDisability
        case .retention: return p.inProgramme ? 1 : 0
        case .responder30: return WeekOutcome.responds30(baseline: p.baselinePain, report: p.pain) ? 1 : 0
        case .responder2pt: return p.baselinePain - p.pain >= 2 ? 1 : 0
        case .responder50: return p.baselinePain > 0 && 2 * (p.baselinePain - p.pain) >= p.baselinePain ? 1 : 0
        case .flareUps: return p.flareUpWeeks
        case .sessionsDone: return p.sessionsDone
        case .given: return nil
        }
    }
}
