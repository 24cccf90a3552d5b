/// Everything a run needs: who, which policies, how long, how many, which luck.
public struct SimulationPlan: Sendable {
    public var cohort: Cohort
    public var policies: [any ProgressionPolicy]
    /// Persons per replication.
    public var persons: Int
    /// Horizon in weeks after baseline.
    public var weeks: Int
    public var replications: Int
    public var seed: UInt64
    public var parameters: ModelParameters
    /// Worker threads; results do not depend on it.
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

    public init(
        cohort: Cohort, policies: [any ProgressionPolicy], persons: Int = 2_000, weeks: Int = 26,
        replications: Int = 1, seed: UInt64 = 1, parameters: ModelParameters = .defaults, threads: Int = 1
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

    public static let maximumPersons = 10_000_000
    public static let maximumWeeks = 520
    public static let maximumReplications = 10_000
}
