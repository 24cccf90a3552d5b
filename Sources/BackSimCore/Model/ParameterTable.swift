import Foundation

extension ModelParameters {
    /// The parameter table of `docs/model.md`, generated from ``catalogue``
    /// (a test keeps the document and the code in step).
    public static var markdownTable: String {
        var lines = ["| parameter | unit | default | range | source |", "|---|---|---|---|---|"]
        for spec in catalogue {
            lines.append("| `\(spec.name)` | \(spec.unit) | \(spec.defaultValue.tableText) | "
                + "\(spec.range.lowerBound.tableText) to \(spec.range.upperBound.tableText) | \(spec.source) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension Double {
    /// Whole numbers without a decimal point, others with up to 4 significant decimals.
    var tableText: String {
        if self == .infinity { return "∞" }
        if self == rounded() && abs(self) < 1e15 { return String(Int(self)) }
        var text = String(format: "%.4f", self)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
