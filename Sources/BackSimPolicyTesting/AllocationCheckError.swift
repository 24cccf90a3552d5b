/// Why an ``AllocationCheck`` failed.
public enum AllocationCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The policy's `start` or `decide` allocated this many times.
    case allocated(Int, policy: String)
    /// The malloc interposer did not count a deliberate allocation, so
    /// nothing could be checked.
    case notCounting

    public var description: String {
        switch self {
        case let .allocated(count, policy):
            "policy '\(policy)' allocated \(count) times in start and decide; a policy must not allocate (see ProgressionPolicy)"
        case .notCounting:
            "the malloc interposer is not counting in this process; on Linux run the tests with LD_PRELOAD=<path to libMallocInterposerSwift.so>"
        }
    }
}
