/// Plain-text columns padded with spaces; widths count characters, so `–`
/// and `×` take one column like any letter.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        let title: String
        let alignment: Alignment
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }

    /// The widest cell (or title) in each column.
    var widths: [Int] {
        columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1[index].count) }
        }
    }

    /// Header and rows under `widths`, each line prefixed by `indent`,
    /// separated by two spaces, without trailing spaces.
    func lines(widths: [Int], indent: String) -> [String] {
        ([columns.map(\.title)] + rows).map { cells in
            let padded = zip(zip(cells, columns), widths).map { pair, width in
                let (cell, column) = pair
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                return column.alignment == .left ? cell + padding : padding + cell
            }
            return indent + String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
    }
}
