/// A labelled reference line across the plot at a value of the value axis
/// (no difference at 0; ± a clinical importance threshold).
public struct ReferenceLine: Equatable, Sendable {
    public enum Emphasis: Equatable, Sendable {
        /// A solid dark line (zero, no difference).
        case strong
        /// A dashed line (a threshold).
        case threshold
    }

    public var value: Double
    public var label: String
    public var emphasis: Emphasis

    public init(_ value: Double, label: String, emphasis: Emphasis = .threshold) {
        self.value = value
        self.label = label
        self.emphasis = emphasis
    }
}
