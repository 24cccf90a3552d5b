/// The version of the random streams: the generator, the seeding of a
/// stream from its key, the stream purposes and the draws each purpose
/// consumes per week (`docs/randomness.md`).
///
/// Rule: any change to one of those raises it, even when the model's
/// equations are unchanged, because every person's luck changes with it.
public enum RandomStreamVersion {
    /// The random-stream version of this build.
    public static let current = 3
}
