/// A rule for progressing an exercise programme week by week.
///
/// A policy is a small state machine over *observations only*: the baseline
/// intake and, each week, what an app or clinician sees (``WeekObservation``).
/// It never receives latent model state (capacity, latent pain), so a policy
/// written here can run unchanged in a real app (``PolicyDriver``).
///
/// ## When the engine calls it
///
/// For each simulated person, in this order:
/// 1. ``start(_:)`` once, with the intake (week 0); its decision is week 1's.
/// 2. ``decide(after:state:)`` after **every** week 1 … W of the horizon,
///    with that week's observation; its decision is the next week's.
///    - It is still called after the person drops out (``WeekObservation/inProgramme``
///      is false and ``WeekObservation/sessions`` is empty): pain is followed
///      to the horizon, so a policy may keep counting weeks.
///    - It is called after the last week W too; that decision is never
///      delivered (there is no week W + 1).
///    - After a referral the engine rests the person and then resumes at a
///      reduced dose whatever the policy asks; the observation says both what
///      was ``WeekObservation/requested`` and what was ``WeekObservation/delivered``.
///
/// ## Contract
///
/// - `start` and `decide` are pure functions of their inputs and the policy's
///   own `State`: no randomness (it would desynchronise the common random
///   numbers that pair policies on the same people) and no global state.
/// - They must not allocate on the heap: they run inside the engine's
///   per-person-week loop, which allocates nothing (no arrays, no
///   dictionaries, no class instances, no string interpolation).
///   ``PolicyDecision/reason`` is a `StaticString` for this reason. Check a
///   policy with `BackSimPolicyTesting`'s `AllocationCheck`.
/// - `State` is a value type; make it `Codable` to run the policy in an app
///   with ``PolicyDriver``, which saves it between weeks.
public protocol ProgressionPolicy: Sendable {
    /// What the policy remembers between weeks (e.g. its current dose).
    associatedtype State: Sendable

    /// The label shown in outputs, e.g. `percent:20`; unique within a run.
    var label: String { get }

    /// Week 1's prescription from the intake, and the initial state.
    func start(_ baseline: BaselineObservation) -> (State, PolicyDecision)

    /// Next week's prescription after observing `week`; may update `state`.
    func decide(after week: WeekObservation, state: inout State) -> PolicyDecision
}

/// A prescription and the reason a policy chose it (shown by `backsim trace`).
public struct PolicyDecision: Equatable, Sendable {
    /// What the person is asked to do next week.
    public var prescription: Prescription
    /// Why, in a few words (`"discomfort: reduce"`).
    ///
    /// A `StaticString`, not a `String`: a literal compiled into the binary,
    /// so returning it never allocates, and interpolation (which would) is
    /// impossible by construction. Put numbers in the prescription, not here.
    public var reason: StaticString
    /// For rule tables: the 0-based index of the rule that fired.
    public var rule: Int?

    /// A decision with its reason.
    public init(_ prescription: Prescription, reason: StaticString, rule: Int? = nil) {
        self.prescription = prescription
        self.reason = reason
        self.rule = rule
    }

    /// Same prescription, same reason text, same rule.
    public static func == (a: PolicyDecision, b: PolicyDecision) -> Bool {
        a.prescription == b.prescription && a.reason.description == b.reason.description && a.rule == b.rule
    }
}
