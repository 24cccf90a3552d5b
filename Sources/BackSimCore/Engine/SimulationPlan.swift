import Foundation

/// Everything a run needs: who, which policies, how long, how many, which luck.
///
/// The defaults are the command line's for a built-in cohort: 2,000 persons,
/// 26 weeks, one replication, seed 1, the calibrated model parameters, and
/// every core (figures do not depend on the thread count). A plan is checked
/// by ``validate(reference:)`` before it runs.
public struct SimulationPlan: Sendable {
    /// Who is simulated.
    public var cohort: Cohort
    /// The policies compared, each with a distinct label.
    public var policies: [any ProgressionPolicy]
    /// Persons per replication.
    public var persons: Int
    /// Horizon in weeks after baseline.
    public var weeks: Int
    /// Independent replications of the whole cohort.
    public var replications: Int
    /// The random seed: same seed, same figures.
    public var seed: UInt64
    /// The model's parameters (default: the calibrated ones).
    public var parameters: ModelParameters
    /// Worker threads; results do not depend on it. Default: ``allCores``.
    public var threads: Int
    /// Also accumulate smooth expectations (``PolicyOutcome/expectedPain``)
    /// for calibration. Off by default: it costs ten normal CDFs a person-week.
    public var recordsExpectations = false
    /// Also split every outcome by profile or condition (`--by`).
    public var grouping: Grouping = .none
    /// The index of the policy the others are compared with, when known:
    /// pairs that include it are compared on every outcome
    /// (``PairedOutcome/all``), other pairs on pain and disability only
    /// (enough to rank any two policies), which keeps the paired work linear
    /// in the number of policies. nil compares every pair on every outcome.
    public var reference: Int? = nil

    /// A plan; see the type's notes for the defaults.
    public init(
        cohort: Cohort, policies: [any ProgressionPolicy], persons: Int = 2_000, weeks: Int = 26,
        replications: Int = 1, seed: UInt64 = 1, parameters: ModelParameters = .defaults, threads: Int = SimulationPlan.allCores
    ) {
        self.cohort = cohort
        self.policies = policies
        self.persons = persons
        self.weeks = weeks
        self.replications = replications
        self.seed = seed
        self.parameters = parameters
        self.threads = threads
    }

    /// Persons × replications.
    public var simulatedPersons: Int { persons * replications }
    /// Person-weeks simulated over all policies (baseline weeks excluded).
    public var personWeeks: Int { simulatedPersons * weeks * policies.count }

    /// The processors available to this process: the command line's default for `--threads`.
    public static var allCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Most persons per replication a plan may ask for.
    public static let maximumPersons = 10_000_000
    /// Longest horizon, in weeks (ten years).
    public static let maximumWeeks = 520
    /// Most replications a plan may ask for.
    public static let maximumReplications = 10_000
}
