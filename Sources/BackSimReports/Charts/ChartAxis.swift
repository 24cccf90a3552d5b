/// An axis: its title, the unit of its values, and optionally a fixed range.
public struct ChartAxis: Equatable, Sendable {
    /// What the axis measures, e.g. "Pain".
    public var title: String
    /// The unit, e.g. "NRS 0-10", "%", "weeks"; `nil` for a pure number.
    public var unit: String?
    /// A fixed range (e.g. 0...100 for a percentage); `nil` fits the data and
    /// rounds out to nice ticks.
    public var range: ClosedRange<Double>?

    /// An axis titled `title` in `unit`; without `range`, it fits the data.
    public init(_ title: String, unit: String? = nil, range: ClosedRange<Double>? = nil) {
        self.title = title
        self.unit = unit
        self.range = range
    }

    /// "Title (unit)", as printed on the chart.
    public var label: String {
        guard let unit, !unit.isEmpty else { return title }
        return "\(title) (\(unit))"
    }
}
