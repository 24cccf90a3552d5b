/// Defaults of the trial planner's follow-up (docs/power.md).
public enum TrialDefaults {
    /// Weekly hazard of loss to follow-up: 1 − (1 − 0.225)^(1/52) ≈ 0.0049,
    /// the midpoint of "loss to follow-up by 12 months 15-30%"
    /// (docs/evidence.md, dropout row) under a constant hazard, rounded.
    public static let lossPerWeek = 0.005
    /// Share of programme leavers who also stop attending visits: an assumption.
    public static let visitLossShare = 0.5
}
