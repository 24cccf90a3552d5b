import Foundation

/// A linear axis: a domain rounded out to "nice" ticks spaced 1, 2 or 5 × 10ᵏ
/// apart (Heckbert 1990, "Nice numbers for graph labels"), and the map from
/// values to pixels.
struct NiceScale {
    /// The values at the two ends of the axis.
    let domain: ClosedRange<Double>
    /// The tick values, inside `domain`, `step` apart.
    let ticks: [Double]
    let step: Double
    /// Pixel positions of `domain.lowerBound` and `domain.upperBound`
    /// (reversed for a vertical axis, where larger values are higher up).
    var pixels: (Double, Double) = (0, 1)

    /// A scale covering `values` (non-finite ones ignored) with about
    /// `targetTicks` ticks.
    ///
    /// - `fixed`: use this domain as given (ticks inside it).
    /// - `roundOut`: extend the domain to the enclosing ticks (value axes);
    ///   otherwise the domain is the data's extent (time axes).
    /// No finite value gives 0...1; a single value v gives v ± max(|v|/10, 1)
    /// before rounding out.
    init(values: [Double], fixed: ClosedRange<Double>? = nil, roundOut: Bool = true, targetTicks: Int = 6) {
        let finite = values.filter(\.isFinite)
        var low: Double
        var high: Double
        if let fixed, fixed.lowerBound.isFinite, fixed.upperBound.isFinite, fixed.upperBound > fixed.lowerBound {
            low = fixed.lowerBound
            high = fixed.upperBound
        } else if let min = finite.min(), let max = finite.max() {
            low = min
            high = max
            if high - low <= Swift.max(abs(low), abs(high)) * 1e-12 {
                let pad = Swift.max(abs(low) / 10, 1)
                low -= pad
                high += pad
            }
        } else {
            low = 0
            high = 1
        }
        let range = Self.nice(high - low, round: false)
        let step = Self.nice(range / Double(Swift.max(targetTicks - 1, 1)), round: true)
        if fixed == nil, roundOut {
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        let first = (low / step - 1e-9).rounded(.up)
        let last = (high / step + 1e-9).rounded(.down)
        // Multiplying integers by the step (rather than adding steps) keeps
        // 0.1-steps from drifting to 0.30000000000000004.
        ticks = stride(from: first, through: last, by: 1).map { ($0 * step) + 0 }
        self.step = step
        domain = low...high
    }

    /// Heckbert's nice number near `x`: 1, 2, 5 or 10 × 10ᵏ, rounded to the
    /// nearest (`round`) or the next one up.
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }

    /// The pixel position of `value` (linear; values outside the domain map
    /// outside the pixel range and are clipped by the plot).
    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (value - domain.lowerBound) / span : 0.5
        return pixels.0 + t * (pixels.1 - pixels.0)
    }

    /// The decimals tick labels need.
    var decimals: Int { ChartNumber.decimals(forStep: step) }
}
