/// The state of a policy that remembers nothing between weeks (`control`,
/// `fixed`): an empty value that still encodes, so such a policy can run in
/// a ``PolicyDriver`` like any other.
public struct NoState: Equatable, Sendable, Codable {
    /// The only value.
    public init() {}
}
