import BackSimCore
import Dispatch
import Foundation
import Stochastics
import Synchronization

/// Power by simulating whole trials (`backsim power`).
///
/// Trial t screens candidates 0, 1, 2, … of the population's trial t,
/// randomises those enrolled to A and B in permuted blocks of the allocation
/// ratio, and the trial of size N analyses the first ``TrialDesign/sizeA(_:)``
/// people of arm A and the first N of arm B: sizes are nested, so power is
/// monotone in N up to Monte Carlo error. The null run analyses the same
/// people, everyone under A. Trial t at size N depends only on (seed, N, t).
public struct PowerStudy: Sendable {
    public let design: TrialDesign
    public let population: any TrialPopulation

    public init(design: TrialDesign, population: any TrialPopulation) throws(PowerDesignError) {
        let sizes = design.sizes
        guard let smallest = sizes.min(), smallest >= 2, design.sizeA(smallest) >= 2 else {
            throw .sizeBelowTwo(sizes.min() ?? 0)
        }
        guard design.trials >= 1 else { throw .trials(design.trials) }
        guard design.trials < Int(UInt32.max) else { throw .trials(design.trials) }
        if design.analysis == .dropout {
            guard population.armsHaveProgramme.a && population.armsHaveProgramme.b else { throw .dropoutWithoutProgramme }
            if design.margin != nil { throw .marginForDropout }
        }
        self.design = design
        self.population = population
    }

    /// Candidates screened per enrolled person before a trial gives up.
    public static let maximumScreenedPerEnrolled = 1_000

    // MARK: One trial

    /// Screens, randomises and follows the persons of trial `trial` needed
    /// for arm sizes up to (`sizeA`, `sizeB`).
    public func participants(
        trial: Int, sizeA: Int, sizeB: Int, recruiter: any TrialRecruiter, allocation: RandomStream,
        followUp: RandomStream
    ) throws(PowerDesignError) -> [TrialParticipant] {
        allocation.reseed(StreamKey(seed: design.seed, replication: UInt32(trial), person: 0, purpose: TrialStream.allocation))
        var block: [Bool] = []
        var inA = 0, inB = 0, candidate = 0
        var people: [TrialParticipant] = []
        people.reserveCapacity(sizeA + sizeB)
        let limit = (sizeA + sizeB) * Self.maximumScreenedPerEnrolled
        let hazard = design.lossPerWeek
        while inA < sizeA || inB < sizeB {
            guard candidate < limit else { throw .screening(trial: trial, screened: candidate, enrolled: inA + inB) }
            defer { candidate += 1 }
            guard recruiter.screens(trial: trial, candidate: candidate) else { continue }
            if block.isEmpty { block = permutedBlock(allocation) }
            let armA = block.removeLast()
            if armA { inA += 1 } else { inB += 1 }
            // Persons beyond an arm's largest size are randomised (the block
            // stays intact) but not needed.
            if (armA && inA > sizeA) || (!armA && inB > sizeB) { continue }
            followUp.reseed(StreamKey(
                seed: design.seed, replication: UInt32(trial), person: UInt64(candidate), purpose: TrialStream.followUp))
            let u = followUp.uniformPositive(), v = followUp.uniform()
            // Geometric loss week with weekly hazard h: the first week w with
            // U ≤ 1 − (1 − h)^w.
            let lossWeek = hazard <= 0 ? Int.max
                : hazard >= 1 ? 1 : Int(min(1e9, (log(u) / log1p(-hazard)).rounded(.down))) + 1
            let course = recruiter.course(trial: trial, candidate: candidate, armA: armA)
            let underA = armA ? course : recruiter.course(trial: trial, candidate: candidate, armA: true)
            people.append(TrialParticipant(
                candidate: candidate, armA: armA, course: course, courseUnderA: underA, lossWeek: lossWeek,
                stopsVisitsOnLeaving: v < design.visitLossShare))
        }
        return people
    }

    /// One block of a + b assignments in random order (Fisher–Yates),
    /// stored so that `removeLast` deals them front to back.
    private func permutedBlock(_ stream: RandomStream) -> [Bool] {
        var block = [Bool](repeating: true, count: design.allocation.a)
            + [Bool](repeating: false, count: design.allocation.b)
        for i in stride(from: block.count - 1, to: 0, by: -1) {
            let j = Int(stream.uniform() * Double(i + 1))
            block.swapAt(i, j)
        }
        return block.reversed()
    }

    /// The analysis of the trial of size `size` from its participants (the
    /// first of each arm); `null` gives everyone arm A's course.
    public func analyse(
        _ people: [TrialParticipant], trial: Int, size: Int, null: Bool, trueEffect: Double
    ) -> TrialResult {
        let wantA = design.sizeA(size), wantB = size
        var takenA = 0, takenB = 0, screened = 0
        var a: [(TrialParticipant, ParticipantCourse)] = [], b: [(TrialParticipant, ParticipantCourse)] = []
        for person in people {
            if person.armA ? takenA >= wantA : takenB >= wantB { continue }
            if person.armA { takenA += 1 } else { takenB += 1 }
            screened = person.candidate + 1
            let course = null ? person.courseUnderA : person.course
            if person.armA { a.append((person, course)) } else { b.append((person, course)) }
        }
        let visit = design.visit
        let (nullValue, sides) = design.hypothesis
        let alpha = design.alpha
        var analysedA = 0, analysedB = 0
        let outcome: Result<TwoArmTest, TwoArmTestError>
        func observed(_ arm: [(TrialParticipant, ParticipantCourse)]) -> [ParticipantCourse] {
            arm.filter { $0.0.observed($0.1, visit: visit, estimand: design.estimand) }.map(\.1)
        }
        switch design.analysis {
        case .ancova, .change, .responder:
            let oa = observed(a), ob = observed(b)
            analysedA = oa.count
            analysedB = ob.count
            outcome = Result { () throws(TwoArmTestError) -> TwoArmTest in
                switch design.analysis {
                case .ancova:
                    return try Ancova.test(
                        a: oa.map { ($0.baseline, $0.visit) }, b: ob.map { ($0.baseline, $0.visit) },
                        null: nullValue, sides: sides, alpha: alpha)
                case .change:
                    return try WelchTest.test(
                        a: oa.map { $0.visit - $0.baseline }, b: ob.map { $0.visit - $0.baseline },
                        null: nullValue, sides: sides, alpha: alpha)
                default:
                    return try TwoProportions.test(
                        respondersA: oa.count { $0.responder }, countA: oa.count,
                        respondersB: ob.count { $0.responder }, countB: ob.count, sides: sides, alpha: alpha,
                        exact: design.exact)
                }
            }
        case .dropout:
            analysedA = a.count
            analysedB = b.count
            outcome = Result { () throws(TwoArmTestError) -> TwoArmTest in
                try LogRank.test(
                    a: a.map { $0.0.timeToLeaving($0.1, visit: visit) }, b: b.map { $0.0.timeToLeaving($0.1, visit: visit) },
                    null: nullValue, sides: sides, alpha: alpha)
            }
        }
        var result = TrialResult(
            null: null, size: size, trial: trial, test: nil, failure: nil, rejected: nil, covered: nil,
            analysedA: analysedA, analysedB: analysedB, screened: screened)
        switch outcome {
        case .success(let test):
            result.test = test
            if design.margin != nil && design.analysis == .responder {
                // The chi-square and Fisher tests test d = 0: with a margin
                // the decision is Newcombe's interval against −M.
                result.rejected = test.interval.low > nullValue
            } else {
                result.rejected = test.pValue < alpha
            }
            let truth = null ? 0 : trueEffect
            result.covered = test.interval.low <= truth && truth <= test.interval.high
        case .failure(let error):
            result.failure = error.description
        }
        return result
    }

    /// Trial `trial` at size `size`, alone: (the trial as designed, the null run).
    public func replay(trial: Int, size: Int, trueEffect: Double) throws -> (TrialResult, TrialResult) {
        let recruiter = try population.makeRecruiter()
        let people = try participants(
            trial: trial, sizeA: design.sizeA(size), sizeB: size, recruiter: recruiter,
            allocation: try RandomStream(), followUp: try RandomStream())
        return (
            analyse(people, trial: trial, size: size, null: false, trueEffect: trueEffect),
            analyse(people, trial: trial, size: size, null: true, trueEffect: trueEffect)
        )
    }

    // MARK: The whole study

    /// Every trial at every size, then the summary. Identical for any
    /// `design.threads`.
    public func run(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> PowerResult {
        try result(runPart(trials: 0..<design.trials, reference: 0..<design.referencePersons, progress: progress))
    }

    /// Trials `trials` at every size (analysed without the true effect:
    /// coverage is decided in ``result(_:)``) and the true-effect run's
    /// persons `reference`: one shard's part, which with the other shards'
    /// (``PowerPart/merge(_:)``) gives the single run's result exactly.
    public func runPart(
        trials: Range<Int>, reference: Range<Int>, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> PowerPart {
        precondition(trials.lowerBound >= 0 && trials.upperBound <= design.trials, "trials outside 0..<trials")
        precondition(reference.lowerBound >= 0 && reference.upperBound <= design.referencePersons, "persons outside the reference run")
        let truth = try TrueEffect.Part(self, persons: reference)
        let sizes = design.sizes.sorted()
        let maxB = sizes.last!, maxA = design.sizeA(maxB)
        let count = trials.count
        let threads = max(1, min(design.threads, count))
        let next = Atomic<Int>(0), finished = Atomic<Int>(0), failed = Atomic<Bool>(false)
        let rows = Mutex<[[TrialResult]]>(Array(repeating: [], count: count))
        let errors = Mutex<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            do {
                let recruiter = try population.makeRecruiter()
                let allocation = try RandomStream(), followUp = try RandomStream()
                while !failed.load(ordering: .relaxed) {
                    let offset = next.add(1, ordering: .relaxed).oldValue
                    if offset >= count { break }
                    let trial = trials.lowerBound + offset
                    let people = try participants(
                        trial: trial, sizeA: maxA, sizeB: maxB, recruiter: recruiter, allocation: allocation,
                        followUp: followUp)
                    var results: [TrialResult] = []
                    for size in sizes {
                        results.append(analyse(people, trial: trial, size: size, null: false, trueEffect: 0))
                        results.append(analyse(people, trial: trial, size: size, null: true, trueEffect: 0))
                    }
                    rows.withLock { $0[offset] = results }
                    progress?(finished.add(1, ordering: .relaxed).newValue, count)
                }
            } catch {
                failed.store(true, ordering: .relaxed)
                errors.withLock { $0.append(error) }
            }
        }
        if let error = errors.withLock({ $0.first }) { throw error }
        return PowerPart(trials: rows.withLock { $0 }.flatMap { $0 }, reference: [truth])
    }

    /// The summary from parts covering every trial and the whole
    /// true-effect run (merged into one).
    public func result(_ part: PowerPart) throws -> PowerResult {
        let reference = try TrueEffect(design, parts: part.reference)
        let rows = part.trials.map { row in
            var row = row
            // Coverage needs the true effect, known only now.
            if let test = row.test {
                let truth = row.null ? 0 : reference.value
                row.covered = test.interval.low <= truth && truth <= test.interval.high
            }
            return row
        }
        return PowerResult(design: design, trueEffect: reference, trials: rows)
    }
}

/// Some trials of a power study and some persons of its true-effect run
/// (one shard's); parts of disjoint trials and persons merge, in any order,
/// to the whole study's (trials and persons kept in order).
public struct PowerPart: Sendable, Equatable, Codable {
    /// Trial-major rows, as ``PowerResult/trials``.
    public private(set) var trials: [TrialResult]
    public private(set) var reference: [TrueEffect.Part]

    /// Adds `other`'s trials and persons. - Throws: ``StudyError/merge(_:)``
    /// if they overlap.
    public mutating func merge(_ other: PowerPart) throws(StudyError) {
        let mine = Set(trials.map(\.trial))
        if let shared = other.trials.first(where: { mine.contains($0.trial) }) {
            throw .merge("trial \(shared.trial) is in both partial results")
        }
        if let shared = other.reference.first(where: { part in reference.contains { $0.persons.overlaps(part.persons) } }) {
            throw .merge("reference persons \(shared.persons) overlap")
        }
        // Stable sorts keep each trial's rows (sizes, then the null run) in order.
        trials = (trials + other.trials).enumerated().sorted { ($0.element.trial, $0.offset) < ($1.element.trial, $1.offset) }.map(\.element)
        reference = (reference + other.reference).sorted { $0.persons.lowerBound < $1.persons.lowerBound }
    }

    /// Whether the parts cover trials 0..<`trials` and persons
    /// 0..<`referencePersons` of `design`, each once, with every row shaped as designed.
    public func covers(_ design: TrialDesign) -> Bool {
        var next = 0
        for part in reference {
            guard part.persons.lowerBound == next else { return false }
            next = part.persons.upperBound
        }
        return next == design.referencePersons && trials.count == design.trials * 2 * design.sizes.count
            && trials.map(\.trial) == (0..<design.trials).flatMap { Array(repeating: $0, count: 2 * design.sizes.count) }
    }
}

/// Why a power study cannot run as asked.
public enum PowerDesignError: Error, Equatable, Sendable, CustomStringConvertible {
    case sizeBelowTwo(Int)
    case trials(Int)
    case dropoutWithoutProgramme
    case marginForDropout
    case screening(trial: Int, screened: Int, enrolled: Int)

    public var description: String {
        switch self {
        case .sizeBelowTwo(let n):
            "--n: \(n) per arm is too few; every arm needs at least 2 people (e.g. --n 20:300:20)"
        case .trials(let t):
            "--trials: \(t) is not a number of trials; use 1 or more (e.g. --trials 1000)"
        case .dropoutWithoutProgramme:
            "--analysis dropout: an arm prescribes no programme, so nobody can leave it and the test is trivial; "
                + "compare two programmes, or choose ancova, change or responder"
        case .marginForDropout:
            "--margin is not available with --analysis dropout; use ancova, change or responder"
        case let .screening(trial, screened, enrolled):
            "trial \(trial): the enrolment criteria admitted \(enrolled) of \(screened) candidates screened "
                + "(limit \(PowerStudy.maximumScreenedPerEnrolled) per person); relax cohort.criteria"
        }
    }
}
