/// The version of the model: its equations, its order of events and its
/// parameter defaults (`docs/model.md` records the commit of each).
///
/// Rule (`docs/randomness.md`): any change of an equation, of the order of
/// events or of a default raises it, in the same change that updates
/// `docs/model.md`. Same scenario, seed, tool, model and random-stream
/// versions give byte-identical results.
public enum ModelVersion {
    /// The model version of this build.
    public static let current = 4
}
