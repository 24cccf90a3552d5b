/// Everything a policy may know about one finished week.
///
/// Holds at most seven sessions inline (no heap storage), so passing a week
/// to a policy never allocates.
public struct WeekObservation: Sendable {
    /// Week number, 1-based (week 0 is the baseline).
    public var week: Int
    /// What was prescribed for this week.
    public var prescription: Prescription
    /// The person's report of average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// The baseline (week 0) report, for comparisons policies make.
    public var baselinePainReport: Int
    /// Sessions prescribed this week (may be fewer than the prescription's
    /// when the engine's safety rules paused the programme).
    public var sessionsPrescribed: Int
    public var sessionsDone: Int
    /// Still in the programme (an app sees when a user stops opening it).
    public var inProgramme: Bool
    /// A safety rule fired this week (sharp or radiating pain): the engine
    /// rests the person next week and resumes at a reduced dose.
    public var referral: Bool
    public var sessions: InlineArray<7, SessionObservation>

    public init(week: Int, prescription: Prescription, painReport: Int, baselinePainReport: Int) {
        self.week = week
        self.prescription = prescription
        self.painReport = painReport
        self.baselinePainReport = baselinePainReport
        self.sessionsPrescribed = 0
        self.sessionsDone = 0
        self.inProgramme = true
        self.referral = false
        self.sessions = InlineArray(repeating: .skipped(day: 0))
    }

    /// Session-RPE load done this week (Foster 2001), arbitrary units.
    public var load: Double {
        var total = 0.0
        for index in 0..<sessionsPrescribed { total += sessions[index].sessionLoad }
        return total
    }
}

/// What is known before the programme starts (week 0).
public struct BaselineObservation: Equatable, Sendable {
    /// Average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// Sessions a week the person says they can manage.
    public var sessionsAvailable: Int
    /// The programme is supervised by a clinician.
    public var supervised: Bool
    /// Post-surgical clearance: first week in which resistance work is allowed.
    public var clearanceWeek: Int

    public init(painReport: Int, sessionsAvailable: Int, supervised: Bool, clearanceWeek: Int) {
        self.painReport = painReport
        self.sessionsAvailable = sessionsAvailable
        self.supervised = supervised
        self.clearanceWeek = clearanceWeek
    }
}
