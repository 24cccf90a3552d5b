/// A table for ``HTMLDocument``: a header row and rows of text cells, with
/// numeric columns right-aligned in tabular figures.
public struct HTMLTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable {
        case left
        /// Right-aligned, tabular figures: for numbers.
        case numeric
    }

    public struct Column: Equatable, Sendable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var caption: String?
    public var columns: [Column]
    public private(set) var rows: [[String]] = []

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
