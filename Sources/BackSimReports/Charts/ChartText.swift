/// Text measurement without fonts: charts must lay out labels before any
/// browser sees them, so widths are estimated from character counts.
enum ChartText {
    static let fontSize = 12.0
    static let titleSize = 15.0
    static let smallSize = 10.5

    /// An upper estimate of the width of `text` in a sans-serif face at
    /// `size` px: 0.58 em per character (wide enough for most digits and
    /// lower-case letters; capitals run wider, so layouts keep slack).
    static func width(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut to at most `width` px, ending in `…` when cut.
    static func truncated(_ text: String, toWidth width: Double, size: Double = fontSize) -> String {
        let fits = max(1, Int(width / (size * 0.58)))
        guard text.count > fits else { return text }
        return String(text.prefix(max(1, fits - 1))) + "…"
    }
}
