/// Everything a policy may know about one finished week: what an app logs or
/// a clinician hears, never the model's latent state.
///
/// A value with no heap storage (sessions are held inline), so passing a week
/// to a policy never allocates.
///
/// **Requested and delivered.** ``requested`` is what the policy's last
/// decision asked for. ``delivered`` is what the person was actually given
/// after the engine's safety rules (or an app's own): a rest week after a
/// referral delivers 0 sessions, the week after resumes at a reduced dose
/// (`safety.resume_dose`, 0.7 by default), resistance work waits for a
/// post-surgical clearance week, and sessions are capped at 7. A policy that
/// keeps its own dose should progress from ``requested`` (or its state); one
/// that reacts to what the person tolerated reads ``delivered`` and the
/// ``sessions``.
public struct WeekObservation: Equatable, Sendable {
    /// Week number, 1-based (week 0 is the baseline).
    public var week: Int
    /// What the policy asked for this week (its previous decision).
    public var requested: Prescription
    /// What was given this week after safety rules; equal to ``requested``
    /// when no rule applied.
    public var delivered: Prescription
    /// The person's report of average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// The baseline (week 0) report, for comparisons policies make.
    public var baselinePainReport: Int
    /// The sessions prescribed this week, in order, done or skipped. After
    /// dropout none are prescribed, so it is empty.
    public var sessions: WeekSessions
    /// Sessions done this week (the done elements of ``sessions``).
    public var sessionsDone: Int
    /// Still in the programme (an app sees when a user stops opening it).
    /// After dropout the engine keeps reporting pain (intention to treat)
    /// and keeps calling the policy, with no sessions.
    public var inProgramme: Bool
    /// A safety rule fired this week (sharp or radiating pain): the engine
    /// rests the person next week and resumes at a reduced dose.
    public var referral: Bool

    /// A week with no sessions yet; add them to ``sessions``.
    public init(
        week: Int, requested: Prescription, delivered: Prescription, painReport: Int, baselinePainReport: Int
    ) {
        self.week = week
        self.requested = requested
        self.delivered = delivered
        self.painReport = painReport
        self.baselinePainReport = baselinePainReport
        self.sessions = WeekSessions()
        self.sessionsDone = 0
        self.inProgramme = true
        self.referral = false
    }

    /// A week in which `prescription` was both requested and delivered.
    public init(week: Int, prescription: Prescription, painReport: Int, baselinePainReport: Int) {
        self.init(
            week: week, requested: prescription, delivered: prescription, painReport: painReport,
            baselinePainReport: baselinePainReport)
    }

    /// What was delivered: the same as ``delivered``, under its 0.1 name.
    public var prescription: Prescription {
        get { delivered }
        set { delivered = newValue }
    }

    /// Sessions prescribed this week: `sessions.count`. Setting it keeps the
    /// first sessions or adds skipped ones.
    public var sessionsPrescribed: Int {
        get { sessions.count }
        set { sessions.resize(to: newValue) }
    }

    /// The sessions done this week, in order (no heap storage).
    public var doneSessions: WeekSessions {
        var done = WeekSessions()
        let sessions = sessions.storage.span, count = self.sessions.stored
        for index in 0..<count where sessions[index].done { done.append(sessions[index]) }
        return done
    }

    /// Session-RPE load done this week (Foster 2001), arbitrary units.
    public var load: Double {
        var total = 0.0
        let sessions = sessions.storage.span, count = self.sessions.stored
        for index in 0..<count { total += sessions[index].sessionLoad }
        return total
    }

    /// Some session was done this week.
    @inline(__always) public var anySessionDone: Bool { sessionsDone > 0 }

    /// Whether every done session satisfies `condition`; false if none was
    /// done (unlike `allSatisfy`, a week without sessions proves nothing).
    @inlinable @inline(__always)
    public func everyDoneSession(_ condition: (SessionObservation) -> Bool) -> Bool {
        // Through the storage's span: iterating or subscripting the sessions
        // would copy all seven (~0.7 KB) per call or per element.
        var any = false
        let sessions = sessions.storage.span, count = self.sessions.stored
        for index in 0..<count where sessions[index].done {
            if !condition(sessions[index]) { return false }
            any = true
        }
        return any
    }

    /// Whether some done session satisfies `condition`.
    @inlinable @inline(__always)
    public func someDoneSession(_ condition: (SessionObservation) -> Bool) -> Bool {
        let sessions = sessions.storage.span, count = self.sessions.stored
        for index in 0..<count where sessions[index].done && condition(sessions[index]) { return true }
        return false
    }
}

extension WeekObservation: Codable {}

/// What is known before the programme starts (week 0).
public struct BaselineObservation: Equatable, Sendable, Codable {
    /// Average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// Sessions a week the person says they can manage.
    public var sessionsAvailable: Int
    /// The programme is supervised by a clinician.
    public var supervised: Bool
    /// Post-surgical clearance: first week in which resistance work is allowed.
    public var clearanceWeek: Int

    /// An intake as an app or clinician records it.
    public init(painReport: Int, sessionsAvailable: Int, supervised: Bool, clearanceWeek: Int) {
        self.painReport = painReport
        self.sessionsAvailable = sessionsAvailable
        self.supervised = supervised
        self.clearanceWeek = clearanceWeek
    }
}
