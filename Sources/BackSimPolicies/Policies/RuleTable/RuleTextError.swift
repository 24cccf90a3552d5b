/// A rule table's text that does not parse; `offset` is the 0-based column
/// of the problem within the text.
public struct RuleTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Character offset in the text where the problem is (0-based).
    public let offset: Int
    /// What is wrong and what was expected.
    public let message: String

    /// An error at `offset`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { message }
}
