/// Code that runs a person under a policy of any concrete type.
///
/// A generic method cannot be passed as a closure, so the engine's callers
/// wrap theirs in a type conforming to this protocol and hand it to
/// ``ConcretePolicy/run(_:)``.
@_spi(Benchmarks) public protocol PolicyRunner {
    associatedtype Result
    func run<Policy: ProgressionPolicy>(_ policy: Policy) -> Result
}

/// A run's policy with its concrete type recovered once, before the loop.
///
/// Called through `any ProgressionPolicy`, the engine's week loop runs as
/// unspecialised generic code: `start` and `decide` through the witness
/// table, the policy's `State` in an opaque buffer, and every field of the
/// week's observation built whether the policy reads it or not. Recovering
/// the built-in types lets the compiler specialise the loop for each of
/// them (the same results; only the machine code differs). Other policies
/// (a user's own) still run, through the generic path.
@_spi(Benchmarks) public enum ConcretePolicy {
    case control(ControlPolicy)
    case fixed(FixedPolicy)
    case percent(PercentPolicy)
    case gradedActivity(GradedActivityPolicy)
    case painContingent(PainContingentPolicy)
    case painMonitoring(PainMonitoringPolicy)
    case doubleProgression(DoubleProgressionPolicy)
    case acwrBand(ACWRBandPolicy)
    case fitnessFatigue(FitnessFatiguePolicy)
    case rpe(RPEPolicy)
    case guideline(GuidelinePolicy)
    case ruleTable(RuleTablePolicy)
    case other(any ProgressionPolicy)

    @inlinable
    public init(_ policy: any ProgressionPolicy) {
        switch policy {
        case let policy as ControlPolicy: self = .control(policy)
        case let policy as FixedPolicy: self = .fixed(policy)
        case let policy as PercentPolicy: self = .percent(policy)
        case let policy as GradedActivityPolicy: self = .gradedActivity(policy)
        case let policy as PainContingentPolicy: self = .painContingent(policy)
        case let policy as PainMonitoringPolicy: self = .painMonitoring(policy)
        case let policy as DoubleProgressionPolicy: self = .doubleProgression(policy)
        case let policy as ACWRBandPolicy: self = .acwrBand(policy)
        case let policy as FitnessFatiguePolicy: self = .fitnessFatigue(policy)
        case let policy as RPEPolicy: self = .rpe(policy)
        case let policy as GuidelinePolicy: self = .guideline(policy)
        case let policy as RuleTablePolicy: self = .ruleTable(policy)
        default: self = .other(policy)
        }
    }

    /// `runner.run(policy)`, specialised for the policy's type.
    @inlinable @inline(__always)
    public func run<Runner: PolicyRunner>(_ runner: Runner) -> Runner.Result {
        switch self {
        case let .control(policy): runner.run(policy)
        case let .fixed(policy): runner.run(policy)
        case let .percent(policy): runner.run(policy)
        case let .gradedActivity(policy): runner.run(policy)
        case let .painContingent(policy): runner.run(policy)
        case let .painMonitoring(policy): runner.run(policy)
        case let .doubleProgression(policy): runner.run(policy)
        case let .acwrBand(policy): runner.run(policy)
        case let .fitnessFatigue(policy): runner.run(policy)
        case let .rpe(policy): runner.run(policy)
        case let .guideline(policy): runner.run(policy)
        case let .ruleTable(policy): runner.run(policy)
        case let .other(policy): runner.run(policy)
        }
    }
}
