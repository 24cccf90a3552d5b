import BackSimCore
import Stochastics

/// One enrolled person of a simulated trial: arm, course under that arm and
/// under arm A (for the null run), and their luck with follow-up.
public struct TrialParticipant: Sendable, Equatable {
    /// Index among the candidates screened (screening order).
    public var candidate: Int
    /// Randomised to arm A (else B).
    public var armA: Bool
    /// Course under the randomised arm.
    public var course: ParticipantCourse
    /// Course under arm A (the null run gives everyone A).
    public var courseUnderA: ParticipantCourse
    /// Week in which the person is lost to follow-up (Int.max: never).
    public var lossWeek: Int
    /// Whether, on leaving the programme, the person also stops attending visits.
    public var stopsVisitsOnLeaving: Bool

    /// Whether the visit outcome of `course` is observed under `estimand`.
    public func observed(_ course: ParticipantCourse, visit: Int, estimand: TrialEstimand) -> Bool {
        if lossWeek <= visit { return false }
        guard course.dropoutWeek > 0 else { return true }
        return estimand == .treatmentPolicy && !stopsVisitsOnLeaving
    }

    /// Time to leaving the programme: the week left (an event), else
    /// censored at the loss week or at the visit.
    public func timeToLeaving(_ course: ParticipantCourse, visit: Int) -> LogRank.Observation {
        if course.dropoutWeek > 0 && course.dropoutWeek < lossWeek { return (course.dropoutWeek, true) }
        return (min(lossWeek, visit), false)
    }
}

/// Stream purposes of the trial planner, beside the engine's
/// (``StreamPurpose``); keys (seed, trial, candidate or 0, purpose).
enum TrialStream {
    /// Loss to follow-up and stopping visits: 2 uniforms per candidate enrolled.
    static let followUp: UInt32 = 101
    /// Permuted-block randomisation: one stream per trial.
    static let allocation: UInt32 = 102
}
