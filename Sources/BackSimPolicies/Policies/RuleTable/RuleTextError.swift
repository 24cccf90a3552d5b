/// A rule table's text that does not parse; `offset` is the 0-based column
/// of the problem within the text.
public struct RuleTextError: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { message }
}
