/// One problem in a scenario file, at a place, with what was expected and
/// what was found: `FILE:LINE:COLUMN: error: PATH: message`.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based.
    public let line: Int
    /// 1-based, in Unicode scalars.
    public let column: Int
    /// The field's path, e.g. `cohort.profiles[1].baseline_pain.mean`; empty for the whole file.
    public let path: String
    public let message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(path.isEmpty ? "" : path + ": ")\(message)"
    }
}

/// A scenario that cannot be used: every problem found, in file order.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
