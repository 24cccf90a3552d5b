/// Point markers: the shape of a series' palette slot, in its colour, with a
/// white edge so that overlapping markers stay apart (a dark one for pale
/// colours).
enum ChartMarker {
    static let radius = 4.0

    static func draw(_ style: ChartPalette.Style, at point: (x: Double, y: Double), into svg: inout SVGWriter) {
        let c = ChartNumber.coordinate
        let (x, y) = point
        let r = radius
        let d: String
        switch style.marker {
        case .circle:
            d = "M\(c(x - r)),\(c(y))a\(c(r)),\(c(r)) 0 1,0 \(c(2 * r)),0a\(c(r)),\(c(r)) 0 1,0 \(c(-2 * r)),0Z"
        case .square:
            let s = r * 0.9
            d = "M\(c(x - s)),\(c(y - s))H\(c(x + s))V\(c(y + s))H\(c(x - s))Z"
        case .triangle:
            let s = r * 1.2
            d = "M\(c(x)),\(c(y - s))L\(c(x + s)),\(c(y + s * 0.8))H\(c(x - s))Z"
        case .diamond:
            let s = r * 1.25
            d = "M\(c(x)),\(c(y - s))L\(c(x + s)),\(c(y))L\(c(x)),\(c(y + s))L\(c(x - s)),\(c(y))Z"
        }
        svg.leaf("path", [
            "class": "marker", "d": d, "fill": style.colour,
            "stroke": style.outlined ? ChartPalette.outline : "#FFFFFF", "stroke-width": "1",
        ])
    }
}
