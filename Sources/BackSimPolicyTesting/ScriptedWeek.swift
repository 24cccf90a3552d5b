/// One week of a policy test script: what the person logged, and what was
/// delivered of the policy's request.
public struct ScriptedWeek: Sendable {
    /// What was delivered of the policy's request.
    public enum Delivery: Sendable {
        /// As the policy asked.
        case asRequested
        /// A rest week (the engine's rule after a referral): no sessions.
        case rest
        /// Aerobic minutes and strength load multiplied by the factor (the
        /// engine resumes at `safety.resume_dose`, 0.7, after a rest week).
        case resumed(at: Double)
        /// Exactly this prescription.
        case prescription(Prescription)
    }

    /// Weekly pain report, NRS 0-10.
    public var painReport: Int
    /// Sessions done; nil: every delivered session.
    public var done: Int?
    /// How each done session went (its `day` is set per slot).
    public var session: SessionObservation
    /// What was delivered.
    public var delivery: Delivery
    /// False after dropout: no sessions are prescribed.
    public var inProgramme: Bool
    /// A safety rule fired this week.
    public var referral: Bool

    /// A week as the person logged it; by default every session done and rated 3.
    public init(
        painReport: Int = 3, done: Int? = nil, session: SessionObservation = ScriptedWeek.session(),
        delivery: Delivery = .asRequested, inProgramme: Bool = true, referral: Bool = false
    ) {
        self.painReport = painReport
        self.done = done
        self.session = session
        self.delivery = delivery
        self.inProgramme = inProgramme
        self.referral = referral
    }

    /// A done session with the given reports, 20 minutes, 2 sets with 8 reps
    /// at the starting load, effort 4.
    public static func session(
        before: Int = 3, during: Int = 3, after: Int = 3, nextMorning: Int = 3, effort: Int = 4, minutes: Double = 20,
        sets: Int = 2, lowestReps: Int = 8
    ) -> SessionObservation {
        SessionObservation(
            day: 0, done: true, minutes: minutes, setsCompleted: sets, lowestReps: lowestReps, load: 1,
            painBefore: before, painDuring: during, painAfter: after, painNextMorning: nextMorning, effort: effort)
    }

    /// A week after dropout: pain still reported, nothing prescribed.
    public static func droppedOut(painReport: Int = 3) -> ScriptedWeek {
        ScriptedWeek(painReport: painReport, done: 0, inProgramme: false)
    }

    /// The observation a policy sees for this week, given what it requested.
    public func observation(week: Int, requested: Prescription, baselinePainReport: Int) -> WeekObservation {
        var delivered = requested
        switch delivery {
        case .asRequested: break
        case .rest: delivered.sessionsPerWeek = 0
        case let .resumed(factor):
            delivered.aerobic.minutes *= factor
            delivered.strength.load *= factor
        case let .prescription(prescription): delivered = prescription
        }
        delivered.sessionsPerWeek = min(max(delivered.sessionsPerWeek, 0), WeekSessions.capacity)
        var observation = WeekObservation(
            week: week, requested: requested, delivered: delivered, painReport: painReport,
            baselinePainReport: baselinePainReport)
        observation.inProgramme = inProgramme
        observation.referral = referral
        let count = inProgramme ? delivered.sessionsPerWeek : 0
        let doneCount = min(max(done ?? count, 0), count)
        for slot in 0..<count {
            var logged = slot < doneCount ? session : .skipped(day: 0)
            logged.day = slot * 7 / count
            observation.sessions.append(logged)
        }
        observation.sessionsDone = doneCount
        return observation
    }
}
