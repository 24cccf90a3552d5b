import BackSimCore
import Foundation
import Yams

/// Reads a composed YAML tree field by field, collecting every problem with
/// its line, column and path instead of stopping at the first.
package final class NodeReader {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []

    package init(file: String) { self.file = file }

    package func error(_ node: Node?, _ path: FieldPath, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(
            file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: path.description, message: message))
    }

    package func error(line: Int, column: Int, _ path: FieldPath, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, path: path.description, message: message))
    }

    // MARK: Mappings

    /// The keys of a mapping; unknown keys (with "did you mean") and missing
    /// required keys are reported. Returns nil if `node` is not a mapping.
    package func mapping(_ node: Node, _ path: FieldPath, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, path, "expected a mapping with keys \(allowed.joined(separator: ", ")), found \(Self.describe(node))")
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, case .scalar = keyNode else {
                error(keyNode, path, "expected a key name, found \(Self.describe(keyNode))")
                continue
            }
            guard allowed.contains(key) else {
                let hint = closestName(key, among: allowed).map { "; did you mean '\($0)'?" }
                    ?? "; allowed keys are \(allowed.joined(separator: ", "))"
                error(keyNode, path.key(key), "unknown key '\(key)'\(hint)")
                continue
            }
            fields.values[key] = value
            fields.keys[key] = keyNode
        }
        for key in required where fields.values[key] == nil {
            error(node, path.key(key), "missing required key '\(key)'")
        }
        return fields
    }

    package struct Fields {
        package let node: Node
        package var values: [String: Node] = [:]
        package var keys: [String: Node] = [:]
        package subscript(_ key: String) -> Node? { values[key] }
    }

    // MARK: Scalars

    package func number(_ node: Node, _ path: FieldPath, in range: ClosedRange<Double>, what: String? = nil) -> Double? {
        let expected = what ?? "a number from \(range.lowerBound.text) to \(range.upperBound.text)"
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.float ?? node.int.map(Double.init) else {
            error(node, path, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        guard value.isFinite else {
            error(node, path, "expected \(expected), found \(scalar.string)")
            return nil
        }
        guard range.contains(value) else {
            error(node, path, "expected \(expected), found \(scalar.string)")
            return nil
        }
        return value
    }

    package func integer(_ node: Node, _ path: FieldPath, in range: ClosedRange<Int>, what: String? = nil) -> Int? {
        let expected = what ?? "a whole number from \(range.lowerBound.formatted) to \(range.upperBound.formatted)"
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = node.int ?? node.float.flatMap({ $0 == $0.rounded() && abs($0) < 9e18 ? Int($0) : nil })
        else {
            error(node, path, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        guard range.contains(value) else {
            error(node, path, "expected \(expected), found \(scalar.string)")
            return nil
        }
        return value
    }

    /// A non-negative 64-bit integer (seeds).
    package func unsigned(_ node: Node, _ path: FieldPath) -> UInt64? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = UInt64(scalar.string) else {
            error(node, path, "expected a whole number from 0 to \(UInt64.max), found \(Self.describe(node))")
            return nil
        }
        return value
    }

    package func string(_ node: Node, _ path: FieldPath, what: String = "text") -> String? {
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            error(node, path, "expected \(what), found \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    package func sequence(_ node: Node, _ path: FieldPath, of what: String, nonEmpty: Bool = true) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, path, "expected a list of \(what), found \(Self.describe(node))")
            return nil
        }
        let items = Array(sequence)
        if nonEmpty && items.isEmpty { error(node, path, "expected at least one of \(what), found an empty list") }
        return items
    }

    /// How a node is shown after "found".
    package static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain { return "nothing" }
            if scalar.style == .plain && (node.float != nil || node.bool != nil) { return scalar.string }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension Double {
    /// `10` rather than `10.0`; large numbers with thousands separators.
    var text: String {
        if self == rounded() && abs(self) < 1e15 { return Int(self).formatted }
        return String(self)
    }
}

extension Int {
    var formatted: String {
        let digits = String(abs(self))
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (self < 0 ? "-" : "") + String(grouped.reversed())
    }
}
