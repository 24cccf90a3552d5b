/// The program's name and version, as recorded in output metadata.
public enum ToolInfo {
    public static let name = "backsim"
    /// Semantic version of the outputs' producer; bump it when figures can change.
    public static let version = "0.1.0"
}
