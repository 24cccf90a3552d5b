/// A person's course of pain without treatment (model 2): people differ in
/// prognosis, not only around the condition's mean curve.
///
/// The shares are per condition (`prognosis.*`); the class courses are built
/// so that their mixture is the condition's published mean course
/// (`PainProcess`). Classes are latent: outcomes and evidence targets use
/// simulated reports, never these labels.
public enum CourseClass: String, Sendable, CaseIterable {
    /// Pain resolves fully, with time constant `prognosis.recovering_weeks`.
    case recovering
    /// Carries the rest of the mean course, with the usual daily variation.
    case persisting
    /// Like `persisting` on average, with wider and longer swings.
    case fluctuating

    /// The class of a person whose prognosis draw is `u` (uniform 0-1):
    /// `recovering` when u < w (the condition's recovering share); otherwise
    /// `fluctuating` when (u − w)/(1 − w) < the fluctuating share.
    public static func of(_ u: Double, condition: Condition, parameters: ModelParameters) -> CourseClass {
        let w = parameters.recoveringShare[condition]
        if u < w { return .recovering }
        return (u - w) / (1 - w) < parameters.fluctuatingShare ? .fluctuating : .persisting
    }
}
