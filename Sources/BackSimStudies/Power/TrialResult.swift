import Stochastics

/// One simulated trial's analysis at one size (a row of `--trials-out`).
public struct TrialResult: Sendable, Equatable {
    /// false: the trial as designed (A vs B); true: the null run (A vs A).
    public var null: Bool
    /// Arm B's size asked for.
    public var size: Int
    public var trial: Int
    /// nil when the analysis failed or was degenerate (see `failure`).
    public var test: TwoArmTest?
    public var failure: String?
    public var rejected: Bool?
    /// Whether the interval holds the true effect (0 for the null run).
    public var covered: Bool?
    public var analysedA: Int
    public var analysedB: Int
    /// Candidates screened to enrol this trial's persons.
    public var screened: Int
}
