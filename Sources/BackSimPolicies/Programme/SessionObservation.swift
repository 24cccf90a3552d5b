/// What an app or clinician sees of one prescribed session.
///
/// Pain reports are integers on NRS 0-10; effort is session RPE on CR-10.
/// A skipped session has `done == false` and zeros elsewhere.
public struct SessionObservation: Equatable, Sendable, Codable {
    /// Day of the week, 0-6.
    public var day: Int
    public var done: Bool
    /// Stopped early (discomfort, sharp pain, or time).
    public var cutShort: Bool
    /// Minutes of exercise done, warm-up and cool-down excluded.
    public var minutes: Double
    /// Strength sets completed.
    public var setsCompleted: Int
    /// Fewest reps achieved in any completed working set (the binding set for
    /// double progression); 0 without strength work.
    public var lowestReps: Int
    /// Strength load used, as in ``StrengthDose/load``.
    public var load: Double
    public var painBefore: Int
    public var painDuring: Int
    public var painAfter: Int
    public var painNextMorning: Int
    /// Session RPE, 0-10.
    public var effort: Int
    /// Sharp or radiating pain stopped the session.
    public var sharpPain: Bool

    public init(
        day: Int, done: Bool, cutShort: Bool = false, minutes: Double = 0, setsCompleted: Int = 0,
        lowestReps: Int = 0, load: Double = 0, painBefore: Int = 0, painDuring: Int = 0, painAfter: Int = 0,
        painNextMorning: Int = 0, effort: Int = 0, sharpPain: Bool = false
    ) {
        self.day = day
        self.done = done
        self.cutShort = cutShort
        self.minutes = minutes
        self.setsCompleted = setsCompleted
        self.lowestReps = lowestReps
        self.load = load
        self.painBefore = painBefore
        self.painDuring = painDuring
        self.painAfter = painAfter
        self.painNextMorning = painNextMorning
        self.effort = effort
        self.sharpPain = sharpPain
    }

    public static func skipped(day: Int) -> SessionObservation { SessionObservation(day: day, done: false) }

    /// Session-RPE load (Foster 2001): effort × minutes, arbitrary units.
    public var sessionLoad: Double { done ? Double(effort) * minutes : 0 }
}
