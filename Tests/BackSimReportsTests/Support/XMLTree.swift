import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A document parsed by Foundation's XMLParser into a small tree, for
/// structural checks of SVG and (XHTML-compatible) HTML output. Parsing is
/// strict: any well-formedness error, even one the parser recovers from,
/// makes `parse` throw.
final class XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        weak var parent: Element?

        init(name: String, attributes: [String: String], parent: Element?) {
            self.name = name
            self.attributes = attributes
            self.parent = parent
        }

        /// Every element below this one (depth first), this one excluded.
        var descendants: [Element] {
            children.flatMap { [$0] + $0.descendants }
        }

        /// The element's classes (`class="a b"` → ["a", "b"]).
        var classes: [String] {
            (attributes["class"] ?? "").split(separator: " ").map(String.init)
        }

        /// Descendants named `name` (and with class `className`, if given).
        func all(_ name: String, class className: String? = nil) -> [Element] {
            descendants.filter { $0.name == name && (className.map($0.classes.contains) ?? true) }
        }

        /// Descendants with class `className`, whatever their name.
        func all(class className: String) -> [Element] {
            descendants.filter { $0.classes.contains(className) }
        }

        /// All text below this element, concatenated.
        var allText: String {
            text + children.map(\.allText).joined()
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    let root: Element

    private init(root: Element) {
        self.root = root
    }

    static func parse(_ text: String) throws -> XMLTree {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        let succeeded = parser.parse()
        if !succeeded || parser.parserError != nil {
            let error = parser.parserError.map { "\($0)" } ?? "unknown error"
            throw ParseError(description: "not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(error)")
        }
        guard let root = builder.root else { throw ParseError(description: "no root element") }
        return XMLTree(root: root)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var current: Element?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let element = Element(name: elementName, attributes: attributeDict, parent: current)
            if let current { current.children.append(element) } else { root = element }
            current = element
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            current = current?.parent
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.text += string
        }
    }
}
