/// A chart that renders itself as one self-contained `<svg>` element.
public protocol SVGChart: Sendable {
    /// The element id, unique within a page (also prefixes inner ids).
    var id: String { get }
    /// The chart's title (also its accessible name).
    var title: String { get }
    /// The `<svg>` element: no scripts, no external references.
    func svg() -> String
}
