import BackSimCore

/// Builders for hand-made observations in policy tests.
public enum Observations {
    /// A week in which `sessions` were prescribed and each done session
    /// looks like `session` (day set per slot).
    public static func week(
        _ number: Int, prescription: Prescription, painReport: Int = 3, baseline: Int = 5,
        done: Int? = nil, session: SessionObservation = done()
    ) -> WeekObservation {
        var week = WeekObservation(week: number, prescription: prescription, painReport: painReport, baselinePainReport: baseline)
        week.sessionsPrescribed = prescription.sessionsPerWeek
        let doneCount = done ?? prescription.sessionsPerWeek
        for slot in 0..<prescription.sessionsPerWeek {
            var s = slot < doneCount ? session : .skipped(day: slot)
            s.day = slot
            week.sessions[slot] = s
        }
        week.sessionsDone = min(doneCount, prescription.sessionsPerWeek)
        return week
    }

    /// A done session with the given ratings.
    public static func done(
        before: Int = 3, during: Int = 3, after: Int = 3, nextMorning: Int = 3, sets: Int = 2, lowestReps: Int = 8,
        minutes: Double = 20
    ) -> SessionObservation {
        SessionObservation(
            day: 0, done: true, minutes: minutes, setsCompleted: sets, lowestReps: lowestReps, load: 1,
            painBefore: before, painDuring: during, painAfter: after, painNextMorning: nextMorning, effort: 4)
    }

    public static let intake = BaselineObservation(painReport: 5, sessionsAvailable: 4, supervised: false, clearanceWeek: 0)
}
