/// A self-contained HTML page: a title, sections with headings, paragraphs,
/// tables and SVG charts, with inline CSS only.
///
/// Self-contained means viewable with no network and no other file: no
/// scripts, no external style sheets, fonts or images (charts are inline
/// `<svg>`), and a Content-Security-Policy (`default-src 'none'`) that makes
/// the browser refuse any load a future edit might add. Every text is
/// escaped; charts are inserted as the markup they render. The page is UTF-8
/// and reads top to bottom without JavaScript; it prints on A4/Letter.
public struct HTMLDocument: Sendable {
    /// One piece of content in a section.
    public enum Block: Sendable {
        /// A paragraph of plain text.
        case paragraph(String)
        /// Small print under a result (a caveat, a source).
        case note(String)
        /// A table.
        case table(HTMLTable)
        /// A chart in a `<figure data-chart-id="…">`, with an optional caption.
        case chart(any SVGChart, caption: String? = nil)
    }

    /// A titled part of the page; `anchor` becomes its id (for links).
    public struct Section: Sendable {
        /// The section's heading.
        public var heading: String
        /// The id for links; nil: none.
        public var anchor: String?
        /// The content, in order.
        public var blocks: [Block]

        /// A section.
        public init(_ heading: String, anchor: String? = nil, blocks: [Block] = []) {
            self.heading = heading
            self.anchor = anchor
            self.blocks = blocks
        }
    }

    /// The page title.
    public var title: String
    /// A line under the title (provenance: scenario, seed, version).
    public var subtitle: String?
    /// The sections, in order.
    public var sections: [Section]

    /// A document of the given sections.
    public init(title: String, subtitle: String? = nil, sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Appends a section.
    public mutating func append(_ section: Section) {
        sections.append(section)
    }

    /// The Content-Security-Policy of the page: nothing may be loaded; only
    /// the inline style sheet and inline SVG apply.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The whole page.
    public func render() -> String {
        var html = SVGWriter()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", ["lang": "en"])
        html.newline()
        html.open("head")
        html.leaf("meta", ["charset": "utf-8"])
        html.leaf("meta", ["http-equiv": "Content-Security-Policy", "content": Self.contentSecurityPolicy])
        html.leaf("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        html.element("title", text: title)
        // Raw text: entities are not decoded inside <style>, and the sheet is ours.
        html.open("style")
        html.raw(Self.styleSheet)
        html.close("style")
        html.close("head")
        html.newline()
        html.open("body")
        html.open("header")
        html.element("h1", text: title)
        if let subtitle { html.element("p", ["class": "subtitle"], text: subtitle) }
        html.close("header")
        html.newline()
        html.open("main")
        for section in sections {
            html.open("section", ["id": section.anchor.map(SVGWriter.identifier)])
            html.element("h2", text: section.heading)
            html.newline()
            for block in section.blocks {
                Self.render(block, into: &html)
                html.newline()
            }
            html.close("section")
            html.newline()
        }
        html.close("main")
        html.close("body")
        html.close("html")
        html.newline()
        return html.text
    }

    private static func render(_ block: Block, into html: inout SVGWriter) {
        switch block {
        case let .paragraph(text):
            html.element("p", text: text)
        case let .note(text):
            html.element("p", ["class": "note"], text: text)
        case let .table(table):
            table.render(into: &html)
        case let .chart(chart, caption):
            html.open("figure", ["class": "chart", "data-chart-id": SVGWriter.identifier(chart.id)])
            html.raw(chart.svg())
            if let caption { html.element("figcaption", text: caption) }
            html.close("figure")
        }
    }

    // Inline only; the system sans-serif face, no web fonts.
    static let styleSheet = """
        body{font-family:sans-serif;color:#222;background:#fff;margin:0 auto;max-width:980px;padding:16px 24px 48px;line-height:1.45}
        h1{font-size:1.6em;margin:0.4em 0 0.1em}
        h2{font-size:1.25em;margin:1.6em 0 0.5em;border-bottom:1px solid #ddd;padding-bottom:0.2em}
        .subtitle,.note,figcaption{color:#555;font-size:0.9em}
        figure{margin:1em 0}
        figure svg{max-width:100%;height:auto;display:block}
        table{border-collapse:collapse;margin:0.8em 0;font-size:0.9em}
        caption{text-align:left;font-weight:bold;padding-bottom:0.3em}
        th,td{padding:3px 10px;border-bottom:1px solid #e4e4e4;vertical-align:top}
        th{border-bottom:2px solid #bbb;text-align:left}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        @media print{body{max-width:none;padding:0}figure,table{break-inside:avoid}}
        """
}
