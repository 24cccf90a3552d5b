/// A point estimate with its interval: a whisker with end caps and the
/// series' marker on top, along a horizontal or vertical value axis.
enum EstimateMark {
    /// Draws `estimate` at `across` (the row's y, or the slot's x). Returns
    /// whether anything was drawn (a finite value or a finite interval).
    @discardableResult
    static func draw(
        _ estimate: ChartEstimate, style: ChartPalette.Style, across: Double, scale: NiceScale, horizontal: Bool,
        into svg: inout SVGWriter
    ) -> Bool {
        let c = ChartNumber.coordinate
        let value = finiteValue(estimate.value)
        var drew = false
        if let low = finiteValue(estimate.low), let high = finiteValue(estimate.high) {
            let a = scale.position(low)
            let b = scale.position(high)
            let cap = 4.0
            let d = horizontal
                ? "M\(c(a)),\(c(across))H\(c(b))M\(c(a)),\(c(across - cap))v\(c(2 * cap))M\(c(b)),\(c(across - cap))v\(c(2 * cap))"
                : "M\(c(across)),\(c(a))V\(c(b))M\(c(across - cap)),\(c(a))h\(c(2 * cap))M\(c(across - cap)),\(c(b))h\(c(2 * cap))"
            if style.outlined {
                svg.leaf("path", ["class": "casing", "d": d, "stroke": ChartPalette.outline, "stroke-width": "3.5",
                                  "fill": "none"])
            }
            svg.leaf("path", ["class": "whisker", "d": d, "stroke": style.colour, "stroke-width": "1.75", "fill": "none"])
            drew = true
        }
        if let value {
            let at = scale.position(value)
            ChartMarker.draw(style, at: horizontal ? (at, across) : (across, at), into: &svg)
            drew = true
        }
        return drew
    }
}
