/// Appends SVG (or HTML) markup to a string, escaping every attribute value
/// and text node, so that labels such as `percent:30 <fast> & "safe"` can
/// never break the document.
struct SVGWriter {
    private(set) var text = ""

    /// `<name a="v" …>`; `nil` attribute values are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        text += "<" + name + Self.attributes(attributes) + ">"
    }

    mutating func close(_ name: String) {
        text += "</" + name + ">"
    }

    /// `<name a="v" …/>`.
    mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        text += "<" + name + Self.attributes(attributes) + "/>"
    }

    /// `<name a="v" …>escaped content</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text content: String) {
        open(name, attributes)
        text += Self.escape(content)
        close(name)
    }

    /// Markup that is already well formed (a nested chart).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// A line break between elements, to keep the output diffable.
    mutating func newline() {
        text += "\n"
    }

    private static func attributes(_ attributes: KeyValuePairs<String, String?>) -> String {
        var result = ""
        for (name, value) in attributes {
            guard let value else { continue }
            result += " " + name + "=\"" + escape(value) + "\""
        }
        return result
    }

    /// Escapes the five XML special characters and drops characters that XML
    /// 1.0 forbids (controls other than tab, newline and carriage return).
    static func escape(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `id` reduced to characters that are safe in an XML id and in a
    /// `url(#…)` reference: ASCII letters, digits, `-` and `_`, starting with
    /// a letter.
    static func identifier(_ id: String) -> String {
        let kept = String(id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": Character(scalar)
            default: "-"
            }
        })
        guard let first = kept.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return "chart-" + kept
        }
        return kept
    }
}
