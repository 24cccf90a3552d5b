/// The series styles: 11 colours, each with its own dash pattern and marker
/// shape, so that series stay apart by shape as well as by hue.
///
/// The colours are Paul Tol's discrete rainbow scheme for 11 categories
/// (Tol 2021, "Colour schemes", SRON/EPS/TN/09-002, colours 9, 10, 12, 14,
/// 15, 17, 18, 21, 24, 26, 28), designed to remain distinguishable for the
/// common forms of colour blindness. They are reordered so that the first
/// four (the common small comparisons) are the most different: blue, red,
/// green, purple. Colour alone still cannot separate 11 series for every
/// reader, so the dashes and markers are assigned such that colours of
/// similar hue (the three blues; the oranges and reds; the greens; yellow and
/// orange) never share a dash pattern or a marker. The two palest colours
/// are drawn with a dark outline, since they have little contrast on white.
///
/// Series beyond 11 reuse the colours with the dash patterns rotated, so
/// that (colour, dash) pairs stay distinct up to 44 series.
enum ChartPalette {
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond
    }

    struct Style: Equatable {
        let colour: String
        /// An SVG `stroke-dasharray`, `nil` for a solid line.
        let dash: String?
        let marker: Marker
        /// Whether lines and markers need a dark outline to be seen on white.
        let outlined: Bool
    }

    static let dashes: [String?] = [nil, "7 3", "2 2.5", "9 3 2 3"]

    // (colour, dash index, marker, outlined)
    private static let entries: [(String, Int, Marker, Bool)] = [
        ("#1965B0", 0, .circle, false),  // blue (Tol 10)
        ("#DC050C", 0, .square, false),  // red (26)
        ("#4EB265", 0, .triangle, false),  // green (15)
        ("#882E72", 0, .diamond, false),  // purple (9)
        ("#F4A736", 1, .circle, false),  // light orange (21)
        ("#72190E", 1, .triangle, false),  // brown (28)
        ("#7BAFDE", 1, .square, false),  // light blue (14)
        ("#E8601C", 2, .diamond, false),  // orange (24)
        ("#5289C7", 3, .triangle, false),  // mid blue (12)
        ("#F7F056", 2, .square, true),  // yellow (18)
        ("#CAE0AB", 3, .circle, true),  // pale green (17)
    ]

    /// The number of distinct colours.
    static var colourCount: Int { entries.count }

    /// The slot of the reference policy in small multiples: a solid grey
    /// line that every panel shares, under the panel's own colour.
    static let referenceSlot = -1
    static let reference = Style(colour: "#8C8C8C", dash: nil, marker: .circle, outlined: false)

    /// The style of palette slot `index` (any non-negative integer, or
    /// ``referenceSlot``).
    static func style(_ index: Int) -> Style {
        if index == referenceSlot { return reference }
        let slot = max(0, index)
        let (colour, dash, marker, outlined) = entries[slot % entries.count]
        let rotation = slot / entries.count
        return Style(colour: colour, dash: dashes[(dash + rotation) % dashes.count], marker: marker, outlined: outlined)
    }

    /// The outline drawn around pale colours.
    static let outline = "#555555"
    /// Axis, text and reference-line ink.
    static let ink = "#222222"
    static let grid = "#E4E4E4"
    static let muted = "#666666"
}
