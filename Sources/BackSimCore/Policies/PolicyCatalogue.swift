/// The built-in policies, looked up by the text users write (`percent:20`).
public enum PolicyCatalogue {
    /// A built-in policy as listed by `backsim policies`.
    public struct Entry: Sendable {
        public let name: String
        /// What the optional `:value` means, or nil if the policy takes none.
        public let parameter: String?
        public let defaultValue: Double?
        /// Accepted values of the parameter.
        public let range: ClosedRange<Double>?
        public let summary: String
        public let source: String
        let make: @Sendable (Double?) -> any ProgressionPolicy
    }

    public static let entries: [Entry] = [
        Entry(
            name: "control", parameter: nil, defaultValue: nil, range: nil,
            summary: "No exercise programme: the natural course (usual care).",
            source: "Costa 2012 natural history", make: { _ in ControlPolicy() }),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// Parses `name` or `name:value`.
    public static func policy(_ text: String) throws(PolicyLookupError) -> any ProgressionPolicy {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownPolicy(text, known: names)
        }
        guard parts.count == 2 else { return entry.make(nil) }
        guard let parameter = entry.parameter, let range = entry.range else {
            throw .unexpectedValue(text, policy: name)
        }
        guard let value = Double(parts[1]), range.contains(value) else {
            throw .badValue(text, parameter: parameter, range: range)
        }
        return entry.make(value)
    }
}

/// A policy name that does not resolve.
public enum PolicyLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPolicy(String, known: [String])
    case unexpectedValue(String, policy: String)
    case badValue(String, parameter: String, range: ClosedRange<Double>)

    public var description: String {
        switch self {
        case let .unknownPolicy(text, known):
            "unknown policy '\(text)'; known policies: \(known.joined(separator: ", "))"
        case let .unexpectedValue(text, policy):
            "policy '\(policy)' takes no value, found '\(text)'; write '\(policy)'"
        case let .badValue(text, parameter, range):
            "'\(text)': \(parameter) must be a number from \(range.lowerBound.compactText) to \(range.upperBound.compactText)"
        }
    }
}

extension Double {
    /// `10` rather than `10.0` for whole numbers.
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
