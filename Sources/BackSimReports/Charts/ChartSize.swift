/// The size of a chart in CSS pixels: its outer width and the height of its
/// plot. The outer height follows from the plot, title, axes and legend.
public struct ChartSize: Equatable, Sendable {
    /// Width of the whole SVG, px.
    public var width: Double
    /// The height of the plotting area alone; title, axes and legend add to it.
    public var plotHeight: Double

    /// A size; the defaults suit an A4-wide report.
    public init(width: Double = 760, plotHeight: Double = 340) {
        self.width = width
        self.plotHeight = plotHeight
    }
}
