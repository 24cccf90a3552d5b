/// Runs a ``ProgressionPolicy`` in an app, one week at a time, from what the
/// user actually logged, with its state saved and restored between weeks.
///
/// The same policy value that BackSim simulated runs here unchanged: the
/// driver calls ``ProgressionPolicy/start(_:)`` at intake and
/// ``ProgressionPolicy/decide(after:state:)`` after each logged week, exactly
/// as the engine does, and checks that weeks arrive in order.
///
///     var driver = PolicyDriver(GuidelinePolicy(), baseline: intake)
///     show(driver.prescription)                      // week 1
///     // … the week passes; the app logs sessions and the weekly pain report …
///     var log = driver.observation(painReport: 4)
///     log.sessions.append(SessionObservation(day: 0, done: true, minutes: 12, painAfter: 3, effort: 4))
///     log.sessionsDone = 1
///     try driver.record(log)
///     save(try JSONEncoder().encode(driver.saved))    // between app launches
///
/// An app that applies its own safety rules (a rest week, a lower dose)
/// passes what it gave as `delivered` to ``observation(painReport:delivered:)``;
/// the policy then sees both what it asked for and what was delivered.
public struct PolicyDriver<Policy: ProgressionPolicy>: Sendable where Policy.State: Codable {
    /// The policy being run.
    public let policy: Policy
    /// The intake the policy started from.
    public let baseline: BaselineObservation
    /// The policy's own state after the last recorded week.
    public private(set) var state: Policy.State
    /// The week the current ``prescription`` is for: 1 after intake, then one
    /// more after each recorded week.
    public private(set) var week: Int
    /// What the policy asks the person to do in ``week``.
    public private(set) var prescription: Prescription
    /// Why the policy chose it (``PolicyDecision/reason``).
    public private(set) var reason: String
    /// For rule tables: the rule that fired (``PolicyDecision/rule``).
    public private(set) var rule: Int?

    /// Starts the policy from the intake: ``prescription`` is week 1's.
    public init(_ policy: Policy, baseline: BaselineObservation) {
        self.policy = policy
        self.baseline = baseline
        let (state, decision) = policy.start(baseline)
        self.state = state
        week = 1
        prescription = decision.prescription
        reason = decision.reason.description
        rule = decision.rule
    }

    /// An empty log of the current week: the week number, the baseline
    /// report, what the policy requested, and what was `delivered` (default:
    /// as requested). Add the sessions and set `sessionsDone`, then
    /// ``record(_:)`` it.
    public func observation(painReport: Int, delivered: Prescription? = nil) -> WeekObservation {
        WeekObservation(
            week: week, requested: prescription, delivered: delivered ?? prescription, painReport: painReport,
            baselinePainReport: baseline.painReport)
    }

    /// Records a finished week and moves to the next: calls the policy's
    /// `decide` and returns its decision, which becomes ``prescription``.
    ///
    /// - Throws: ``PolicyDriverError`` if the log is not of the current week,
    ///   carries another baseline, or says another prescription was requested;
    ///   the driver is then unchanged.
    @discardableResult
    public mutating func record(_ observation: WeekObservation) throws(PolicyDriverError) -> PolicyDecision {
        guard observation.week == week else { throw .week(observation.week, expected: week) }
        guard observation.baselinePainReport == baseline.painReport else {
            throw .baseline(observation.baselinePainReport, expected: baseline.painReport)
        }
        guard observation.requested == prescription else { throw .requested(week: week) }
        guard observation.sessionsDone == observation.doneSessions.count else {
            throw .sessionsDone(observation.sessionsDone, logged: observation.doneSessions.count)
        }
        let decision = policy.decide(after: observation, state: &state)
        week += 1
        prescription = decision.prescription
        reason = decision.reason.description
        rule = decision.rule
        return decision
    }

    /// Everything needed to continue after a relaunch; `Codable`.
    public var saved: Saved {
        Saved(label: policy.label, baseline: baseline, state: state, week: week, prescription: prescription,
              reason: reason, rule: rule)
    }

    /// Continues where ``saved`` left off.
    /// - Throws: ``PolicyDriverError/policy(_:expected:)`` if it was saved by
    ///   a policy with another label.
    public init(_ policy: Policy, restoring saved: Saved) throws(PolicyDriverError) {
        guard saved.label == policy.label else { throw .policy(saved.label, expected: policy.label) }
        self.policy = policy
        baseline = saved.baseline
        state = saved.state
        week = saved.week
        prescription = saved.prescription
        reason = saved.reason
        rule = saved.rule
    }

    /// A driver's saved form: the policy's label and state, the intake, and
    /// the current week's prescription.
    public struct Saved: Codable, Sendable {
        /// The label of the policy that saved it.
        public var label: String
        /// The intake.
        public var baseline: BaselineObservation
        /// The policy's state.
        public var state: Policy.State
        /// The week ``prescription`` is for.
        public var week: Int
        /// The current prescription.
        public var prescription: Prescription
        /// Why the policy chose it.
        public var reason: String
        /// The rule that fired, for rule tables.
        public var rule: Int?
    }
}
