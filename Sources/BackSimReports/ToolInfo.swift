import BackSimCore

/// The program's name and the three versions every output records
/// (`docs/randomness.md`, "Versions").
public enum ToolInfo {
    /// The executable's name.
    public static let name = "backsim"
    /// Semantic version of the outputs' producer; bump it when figures can change.
    public static let version = "0.1.0"
    /// `ModelVersion.current`.
    public static let modelVersion = ModelVersion.current
    /// `RandomStreamVersion.current`.
    public static let randomStreamVersion = RandomStreamVersion.current

    /// What `backsim --version` prints: `0.1.0 (model 1, random streams 1)`.
    public static let versionText = "\(version) (model \(modelVersion), random streams \(randomStreamVersion))"

    /// The per-person file's version columns, after its own columns.
    public static let csvVersionHeader = "tool_version,model_version,random_stream_version"
    /// The values under ``csvVersionHeader``, the same on every row.
    public static let csvVersionValues = "\(version),\(modelVersion),\(randomStreamVersion)"
}
