/// A labelled reference line across the plot at a value of the value axis
/// (no difference at 0; ± a clinical importance threshold).
public struct ReferenceLine: Equatable, Sendable {
    /// How prominently the line is drawn.
    public enum Emphasis: Equatable, Sendable {
        /// A solid dark line (zero, no difference).
        case strong
        /// A dashed line (a threshold).
        case threshold
    }

    /// Where the line crosses the value axis.
    public var value: Double
    /// Its label in the legend.
    public var label: String
    /// Solid or dashed.
    public var emphasis: Emphasis

    /// A line at `value`.
    public init(_ value: Double, label: String, emphasis: Emphasis = .threshold) {
        self.value = value
        self.label = label
        self.emphasis = emphasis
    }
}
