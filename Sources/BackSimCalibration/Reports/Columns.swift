import Foundation

/// Plain-text columns padded with spaces (characters, not bytes, so `−`
/// takes one column), two spaces apart, without trailing spaces.
struct Columns {
    let titles: [String]
    /// Right-aligned columns, by index.
    let right: Set<Int>
    private(set) var rows: [[String]] = []

    init(_ titles: [String], right: Set<Int> = []) {
        self.titles = titles
        self.right = right
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == titles.count, "row has \(row.count) cells, table has \(titles.count) columns")
        rows.append(row)
    }

    func lines(indent: String = "") -> [String] {
        let widths = titles.indices.map { index in rows.reduce(titles[index].count) { max($0, $1[index].count) } }
        return ([titles] + rows).map { cells in
            let padded = cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return right.contains(index) ? padding + cell : cell + padding
            }
            return indent + String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
    }
}

/// How figures are spelled in evidence and calibration outputs.
enum Figures {
    /// `value` with a fixed number of decimals, never `-0.0`.
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
    }

    /// Decimals that show a target's unit sensibly (one more than published
    /// figures usually have).
    static func digits(_ unit: EvidenceUnit) -> Int {
        switch unit {
        case .nrs, .sd: 2
        case .hundred, .percent, .weeks: 1
        case .share: 3
        }
    }

    /// A published figure as written: `-15.2 (-18.3 to -12.2)`, `range 0.3 to 0.7`.
    static func published(_ figure: PublishedFigure) -> String {
        let bounds = "\(figure.low.compact) to \(figure.high.compact)"
        switch (figure.kind, figure.value) {
        case (.interval, let value?): return "\(value.compact) (\(bounds))"
        case (.range, let value?): return "\(value.compact) (range \(bounds))"
        case (_, nil): return "range \(bounds)"
        }
    }

    /// A parameter value to paste into a scenario: 4 significant digits.
    static func parameter(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = max(0, 3 - magnitude)
        var text = fixed(value, digits: min(decimals, 10))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
