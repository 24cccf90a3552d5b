/// A table for ``HTMLDocument``: a header row and rows of text cells, with
/// numeric columns right-aligned in tabular figures.
public struct HTMLTable: Equatable, Sendable {
    /// Cell alignment.
    public enum Alignment: Equatable, Sendable {
        /// Left-aligned: for text.
        case left
        /// Right-aligned, tabular figures: for numbers.
        case numeric
    }

    /// A column header.
    public struct Column: Equatable, Sendable {
        /// Header text.
        public var title: String
        /// Alignment of the column's cells.
        public var alignment: Alignment

        /// A column.
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// Text above the table.
    public var caption: String?
    /// The columns.
    public var columns: [Column]
    /// Rows of cells, one per column.
    public private(set) var rows: [[String]] = []

    /// A table.
    public init(caption: String? = nil, columns: [Column], rows: [[String]] = []) {
        self.caption = caption
        self.columns = columns
        for row in rows { append(row) }
    }

    /// Appends a row.
    ///
    /// - Precondition: it has one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }

    func render(into html: inout SVGWriter) {
        html.open("table")
        if let caption { html.element("caption", text: caption) }
        html.open("thead")
        html.open("tr")
        for column in columns {
            html.element("th", ["scope": "col", "class": column.alignment == .numeric ? "num" : nil], text: column.title)
        }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for row in rows {
            html.open("tr")
            for (cell, column) in zip(row, columns) {
                html.element("td", ["class": column.alignment == .numeric ? "num" : nil], text: cell)
            }
            html.close("tr")
            html.newline()
        }
        html.close("tbody")
        html.close("table")
    }
}
