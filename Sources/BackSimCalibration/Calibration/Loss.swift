/// The calibration loss of one target: zero inside the published interval
/// (or range), growing quadratically outside it, scaled by its width:
///
///     loss = ((distance from [low', high']) / (high − low))²
///     [low', high'] = [low + m·w/2, high − m·w/2],   w = high − low
///
/// m is the margin (0 ≤ m < 1): with m = 0 the loss is zero on the whole
/// interval; with m = 0.5 only on its central half, which keeps a fit away
/// from the edges, where Monte Carlo error of a different seed could push a
/// figure out. The scale is always the full width, so a miss by one width
/// costs 1 whatever the margin, and narrow (precise) figures weigh more than
/// wide ones.
public struct TargetLoss: Sendable {
    public let margin: Double

    public init(margin: Double = 0) {
        precondition(margin >= 0 && margin < 1, "margin \(margin) must be in [0, 1)")
        self.margin = margin
    }

    /// The loss when no value could be computed (the outcome was undefined
    /// at these parameters): large and finite, so the simplex moves away.
    public static let undefined = 1e6

    /// The interval on which the loss is zero.
    public func zeroInterval(_ figure: PublishedFigure) -> ClosedRange<Double> {
        let inset = margin * figure.width / 2
        return (figure.low + inset)...(figure.high - inset)
    }

    /// How far `value` lies outside the zero interval, signed (negative below,
    /// positive above, 0 inside), in the figure's unit.
    public func excess(_ value: Double, _ figure: PublishedFigure) -> Double {
        let zero = zeroInterval(figure)
        if value < zero.lowerBound { return value - zero.lowerBound }
        if value > zero.upperBound { return value - zero.upperBound }
        return 0
    }

    public func callAsFunction(_ value: Double?, _ figure: PublishedFigure) -> Double {
        guard let value, value.isFinite else { return Self.undefined }
        let scaled = excess(value, figure) / figure.width
        return scaled * scaled
    }
}
