/// A rule for progressing an exercise programme week by week.
///
/// A policy is a small state machine over *observations only*: the baseline
/// intake and, each week, what an app or clinician sees (``WeekObservation``).
/// It never receives latent model state (capacity, latent pain), so a policy
/// written here can run unchanged in a real app.
///
/// Contract: `start` and `decide` are pure functions of their inputs and the
/// policy's own state; they must not allocate (they run inside the engine's
/// per-person-week loop) and must not draw random numbers, so that common
/// random numbers stay aligned across policies.
public protocol ProgressionPolicy: Sendable {
    associatedtype State: Sendable

    /// The label shown in outputs, e.g. `percent:20`.
    var label: String { get }

    /// Week 1's prescription from the intake.
    func start(_ baseline: BaselineObservation) -> (State, PolicyDecision)

    /// Next week's prescription after observing `week`.
    func decide(after week: WeekObservation, state: inout State) -> PolicyDecision
}

/// A prescription and the reason a policy chose it (shown by `backsim trace`).
public struct PolicyDecision: Equatable, Sendable {
    public var prescription: Prescription
    public var reason: StaticString
    /// For rule tables: the 0-based index of the rule that fired.
    public var rule: Int?

    public init(_ prescription: Prescription, reason: StaticString, rule: Int? = nil) {
        self.prescription = prescription
        self.reason = reason
        self.rule = rule
    }

    public static func == (a: PolicyDecision, b: PolicyDecision) -> Bool {
        a.prescription == b.prescription && a.reason.description == b.reason.description && a.rule == b.rule
    }
}
