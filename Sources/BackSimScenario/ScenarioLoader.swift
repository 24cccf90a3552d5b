import Foundation
import Yams

/// Turns scenario files into validated ``Scenario`` values, or into every
/// problem found, each with file, line, column and field path.
public enum ScenarioLoader {
    /// Largest scenario file accepted; a scenario is a page of YAML.
    public static let maximumBytes = 1 << 20

    /// Reads and validates the file at `path` (shown as given in messages;
    /// `-` is standard input, shown as `<stdin>`). A file that cannot be read
    /// is one diagnostic with the system's reason; callers that must tell
    /// I/O errors from bad content use ``ScenarioInput/read(_:)`` and
    /// ``parse(data:file:origin:)``.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let file = ScenarioInput.displayName(path)
        let data: Data
        do throws(ScenarioReadError) { data = try ScenarioInput.read(path) } catch {
            let message = switch error.code {
            case ENOENT: "no such file"
            case EISDIR: "is a directory, not a scenario file"
            default: "cannot read the file: \(error.reason)"
            }
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: message)])
        }
        return try parse(data: data, file: file)
    }

    /// Validates scenario bytes; `file` names them in messages.
    public static func parse(data: Data, file: String, origin: String? = nil) throws(ScenarioError) -> Scenario {
        guard data.count <= maximumBytes else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "",
                                            message: "file is more than \(maximumBytes.formatted) bytes, the most a scenario file may be")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(data)
            throw ScenarioError([Diagnostic(file: file, line: line, column: column, path: "",
                                            message: "expected UTF-8 text, found bytes that are not UTF-8")])
        }
        return try parse(yaml: text, file: file, hash: ContentHash.fnv1a(data), origin: origin ?? file)
    }

    /// Validates scenario text.
    public static func parse(yaml text: String, file: String, origin: String? = nil) throws(ScenarioError) -> Scenario {
        try parse(yaml: text, file: file, hash: ContentHash.fnv1a(Array(text.utf8)), origin: origin ?? file)
    }

    static func parse(yaml text: String, file: String, hash: String, origin: String) throws(ScenarioError) -> Scenario {
        if let (line, column) = flowNestingTooDeep(text) {
            throw ScenarioError([Diagnostic(file: file, line: line, column: column, path: "",
                                            message: "brackets nest more than \(maximumFlowDepth) levels deep; a scenario needs at most a few")])
        }
        if let (line, column, message) = DocumentLimits.violation(in: text) {
            throw ScenarioError([Diagnostic(file: file, line: line, column: column, path: "", message: message)])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError([syntaxDiagnostic(error, text: text, file: file)])
        }
        guard let node else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "the file is empty; expected a scenario mapping")])
        }
        let reader = NodeReader(file: file)
        guard let scenario = ScenarioValidator(reader: reader).read(node, hash: hash, origin: origin) else {
            throw ScenarioError(reader.diagnostics.isEmpty
                ? [Diagnostic(file: file, line: 1, column: 1, path: "", message: "invalid scenario")] : reader.diagnostics)
        }
        return scenario
    }

    private static func syntaxDiagnostic(_ error: Error, text: String, file: String) -> Diagnostic {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text))" } ?? ""
            // Text left open to the end (a quote, a bracket) is shown where it opens.
            let at = problem.contains("end of stream") ? context?.mark ?? mark : mark
            return Diagnostic(file: file, line: at.line, column: at.column, path: "", message: "YAML syntax: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let (line, column) = secondOccurrence(of: key, after: context.mark.line, in: text) ?? (context.mark.line, context.mark.column)
            return Diagnostic(file: file, line: line, column: column, path: "",
                              message: "duplicate key '\(key)'; each key may appear once in a mapping")
        case let .reader(problem, offset, value, _):
            let (line, column) = offset.map { position(ofCharacter: $0, in: text) } ?? (1, 1)
            let found = value == 0 ? "a NUL byte" : "character U+\(String(UInt32(bitPattern: value), radix: 16, uppercase: true))"
            return Diagnostic(file: file, line: line, column: column, path: "",
                              message: "cannot read the file as YAML: \(problem), found \(found)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, path: "", message: "cannot read the file as YAML: \(error)")
        }
    }

    /// Line and column of the second `key:` at or after `line` (duplicates are
    /// reported against the mapping; users want the repeated key).
    private static func secondOccurrence(of key: String, after line: Int, in text: String) -> (Int, Int)? {
        var seen = 0
        for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= line {
            let trimmed = content.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix("\(key):") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return (index + 1, content.count - trimmed.count + 1) }
            }
        }
        return nil
    }

    /// The YAML parser recurses once per level, so absurd nesting must be
    /// refused before parsing rather than overflow the stack.
    static let maximumFlowDepth = 64

    /// Where `[` / `{` first nest deeper than ``maximumFlowDepth`` (quotes and
    /// comments are skipped roughly; a false alarm needs 64 unclosed brackets).
    private static func flowNestingTooDeep(_ text: String) -> (Int, Int)? {
        var depth = 0, line = 1, column = 0
        var quote: Character?
        var comment = false
        for character in text {
            column += 1
            if character == "\n" { line += 1; column = 0; comment = false; continue }
            if comment { continue }
            if let open = quote { if character == open { quote = nil }; continue }
            switch character {
            case "\"", "'": quote = character
            case "#": comment = true
            case "[", "{":
                depth += 1
                if depth > maximumFlowDepth { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// 1-based line and column of the character at `offset` (Yams counts characters).
    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
