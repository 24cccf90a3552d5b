/// What an app or clinician sees of one prescribed session.
///
/// Pain reports are integers on NRS 0-10; effort is session RPE on CR-10.
/// A skipped session has `done == false` and zeros elsewhere.
public struct SessionObservation: Equatable, Sendable, Codable {
    /// Day of the week, 0-6.
    public var day: Int
    /// The session was done (false: skipped; the ratings below are then 0).
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
    /// Pain just before the session, NRS 0-10.
    public var painBefore: Int
    /// Highest pain during the session, NRS 0-10.
    public var painDuring: Int
    /// Pain just after the session, NRS 0-10.
    public var painAfter: Int
    /// Pain the next morning, NRS 0-10.
    public var painNextMorning: Int
    /// Session RPE, 0-10.
    public var effort: Int
    /// Sharp or radiating pain stopped the session.
    public var sharpPain: Bool

    /// A session as logged; everything not given is 0 or false.
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

    /// A prescribed session that was not done.
    public static func skipped(day: Int) -> SessionObservation { SessionObservation(day: day, done: false) }

    /// Session-RPE load (Foster 2001): effort × minutes, arbitrary units.
    public var sessionLoad: Double { done ? Double(effort) * minutes : 0 }
}
