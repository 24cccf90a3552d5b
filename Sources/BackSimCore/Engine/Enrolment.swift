import Stochastics

/// Who is enrolled when a cohort has ``EnrolmentCriteria``: candidates
/// 0, 1, 2, … of each replication are drawn from the profiles and screened in
/// order until the cohort's size is reached; enrolled person k is the k-th
/// candidate admitted. Without criteria, person k is candidate k and nobody
/// is screened, so results are exactly those of a cohort without criteria.
///
/// A candidate's streams are keyed by their candidate index, so an enrolled
/// person meets the same luck under every policy, and the screening is a
/// pure function of the seed (identical for any thread count).
///
/// The screening report is one momentary rating at the visit, on the day
/// before week 0: `round(clamp(N0 + σs·e, 0, 10))`, where N0 is the latent
/// pain without exercise at the person's stationary start of the daily
/// fluctuation (the `pain` stream's first Gaussian, the same z(0) week 0
/// continues from), σs = `report.session_sd` and e ~ Normal(0, 1) is the
/// `screening` stream's first Gaussian.
public struct Enrolment: Sendable {
    /// Candidate index of each enrolled person of ``persons``, in order;
    /// empty without criteria.
    private let candidates: [Int]
    private let persons: Int
    /// The simulated persons (replication × persons + person) this
    /// enrolment identifies.
    public let range: Range<Int>
    /// Candidates screened in the replications whose last person is in
    /// ``range`` (all of them for the whole run; 0 without criteria), so
    /// that the shards' counts add up to the whole run's.
    public let screened: Int
    /// Screening reports of the enrolled persons of ``range`` (NRS 0-10);
    /// empty without criteria.
    public let screeningReports: CountHistogram
    /// Candidates screened to identify ``range``: a shard screens each
    /// replication it touches only up to its last person, and no other.
    public let candidatesScreened: Int

    /// Screens as many candidates as `plan` needs.
    public init(_ plan: SimulationPlan) throws {
        try self.init(plan, persons: 0..<plan.simulatedPersons)
    }

    /// Screens only what identifying `persons` (replication × persons +
    /// person) needs: the replications they belong to, each up to its last
    /// person in `persons`; keeps only their candidate indices. The same
    /// persons are enrolled as in the whole run.
    public init(_ plan: SimulationPlan, persons range: Range<Int>) throws {
        persons = plan.persons
        self.range = range
        var reports = CountHistogram(range: 0...10)
        guard let criteria = plan.cohort.criteria, !range.isEmpty else {
            candidates = []
            screened = 0
            screeningReports = reports
            candidatesScreened = 0
            return
        }
        GSLRuntime.prepare()
        let streams = try PersonStreams()
        let membership = plan.cohort.membership
        var list: [Int] = []
        list.reserveCapacity(range.count)
        var total = 0, work = 0
        for replication in (range.lowerBound / plan.persons)...((range.upperBound - 1) / plan.persons) {
            let first = replication * plan.persons
            // Enrolled indices of this replication that `range` holds.
            let wanted = max(range.lowerBound - first, 0)..<min(range.upperBound - first, plan.persons)
            var candidate = 0
            var enrolled = 0
            let limit = plan.persons * EnrolmentCriteria.maximumScreenedPerEnrolled
            while enrolled < wanted.upperBound {
                guard candidate < limit else {
                    throw EnrolmentError(screened: candidate, enrolled: enrolled, wanted: plan.persons)
                }
                let id = PersonID(seed: plan.seed, replication: replication, index: candidate)
                let (traits, report) = Self.screen(id, plan: plan, streams: streams, membership: membership)
                if criteria.admits(screeningReport: report, traits: traits) {
                    if wanted.contains(enrolled) {
                        list.append(candidate)
                        reports.record(report)
                    }
                    enrolled += 1
                }
                candidate += 1
            }
            work += candidate
            if wanted.upperBound == plan.persons { total += candidate }
        }
        candidates = list
        screened = total
        screeningReports = reports
        candidatesScreened = work
    }

    /// Counts only (the sum of every shard's), for a merged run's result.
    init(persons: Int, range: Range<Int>, screened: Int, screeningReports: CountHistogram) {
        candidates = []
        self.persons = persons
        self.range = range
        self.screened = screened
        self.screeningReports = screeningReports
        candidatesScreened = 0
    }

    /// Candidate indices held (one per enrolled person of ``range`` with
    /// criteria, none without): what the enrolment's memory grows with.
    public var candidatesHeld: Int { candidates.count }

    /// Draws candidate `id` and their screening report.
    static func screen(
        _ id: PersonID, plan: SimulationPlan, streams: PersonStreams, membership: Categorical<Int>
    ) -> (PersonTraits, Int) {
        streams.startTraits(id)
        let traits = PersonTraits.draw(from: plan.cohort, membership: membership, stream: streams.traits)
        streams.pain.reseed(id.key(.pain))
        streams.screening.reseed(id.key(.screening))
        var pain = PainProcess(traits: traits, parameters: plan.parameters)
        pain.startFluctuation(streams.pain.gaussian())
        let rating = pain.current + plan.parameters.sessionRatingSD * streams.screening.gaussian()
        return (traits, PainReport.nrs(rating))
    }

    /// The stream identity of enrolled person `index` of `replication`
    /// (a person of ``range``).
    public func person(seed: UInt64, replication: Int, index: Int) -> PersonID {
        let candidate = candidates.isEmpty ? index : candidates[replication * persons + index - range.lowerBound]
        return PersonID(seed: seed, replication: replication, index: candidate)
    }
}

/// The criteria admitted too few of the candidates screened.
public struct EnrolmentError: Error, CustomStringConvertible, Sendable {
    /// Candidates screened.
    public let screened: Int
    /// Candidates who met the criteria.
    public let enrolled: Int
    /// Persons the plan asked for.
    public let wanted: Int

    public var description: String {
        "cohort.criteria: admitted \(enrolled) of \(screened) candidates screened, short of the cohort's \(wanted) "
            + "at the limit of \(EnrolmentCriteria.maximumScreenedPerEnrolled) screened per person to enrol; "
            + "relax the criteria or change the profiles so that more people meet them"
    }
}
