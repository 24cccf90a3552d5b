/// Runs a policy through hand-written weeks, as a unit test needs: each
/// week's observation is built from what the policy requested the week
/// before and what the script says happened.
///
///     let run = PolicyScript(MyPolicy()).run([
///         ScriptedWeek(painReport: 3),
///         ScriptedWeek(painReport: 5, session: ScriptedWeek.session(after: 6)),
///     ])
///     #expect(run.prescriptions[2].aerobic.minutes == 17)
public struct PolicyScript<Policy: ProgressionPolicy>: Sendable {
    /// The policy under test.
    public let policy: Policy
    /// The intake passed to `start`.
    public let baseline: BaselineObservation

    /// An intake of pain 5, four sessions a week available, unsupervised, no clearance wait.
    public static var typicalBaseline: BaselineObservation {
        BaselineObservation(painReport: 5, sessionsAvailable: 4, supervised: false, clearanceWeek: 0)
    }

    /// A script for `policy` starting from `baseline`.
    public init(_ policy: Policy, baseline: BaselineObservation = typicalBaseline) {
        self.policy = policy
        self.baseline = baseline
    }

    /// Calls `start`, then `decide` after each scripted week (week 1 first).
    public func run(_ weeks: [ScriptedWeek]) -> ScriptedRun {
        var (state, decision) = policy.start(baseline)
        var decisions = [decision]
        var observations: [WeekObservation] = []
        for (index, week) in weeks.enumerated() {
            let observation = week.observation(
                week: index + 1, requested: decision.prescription, baselinePainReport: baseline.painReport)
            decision = policy.decide(after: observation, state: &state)
            observations.append(observation)
            decisions.append(decision)
        }
        return ScriptedRun(decisions: decisions, observations: observations)
    }
}

/// What a ``PolicyScript`` saw and decided.
public struct ScriptedRun: Sendable {
    /// Index 0: `start`'s decision (week 1); index n: the decision after week n.
    public let decisions: [PolicyDecision]
    /// Index n − 1: week n as the policy saw it.
    public let observations: [WeekObservation]

    /// The prescription for each week: index 0 is week 1's.
    public var prescriptions: [Prescription] { decisions.map(\.prescription) }
    /// Each decision's reason, as text.
    public var reasons: [String] { decisions.map(\.reason.description) }
}
