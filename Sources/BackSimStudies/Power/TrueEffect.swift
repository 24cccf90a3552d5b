import BackSimCore
import Dispatch
import Stochastics
import Synchronization

/// The model's true effect for the analysis: its population value from one
/// large paired run (everyone enrolled followed under A and under B, nobody
/// lost, every visit outcome observed: the treatment-policy effect), so the
/// bias of an estimate shows what missing data and the analysis do.
///
/// - ancova, change: the mean of visit_A − visit_B (randomisation makes the
///   adjusted and the change difference estimate the same quantity);
/// - responder: p_A − p_B;
/// - dropout: Peto's log hazard ratio of the log-rank test on the two arms.
///
/// Its candidates are trial number 2³² − 1, which no study uses.
public struct TrueEffect: Sendable, Equatable {
    public var value: Double
    public var persons: Int

    static let trial = Int(UInt32.max)

    public init(value: Double, persons: Int) {
        self.value = value
        self.persons = persons
    }

    static func compute(_ study: PowerStudy) throws -> TrueEffect {
        try TrueEffect(study.design, parts: [Part(study, persons: 0..<study.design.referencePersons)])
    }

    /// What enrolled reference persons `persons` (of ``TrialDesign/referencePersons``)
    /// contribute, in their order: enough to compute the value exactly as
    /// one run over everyone does (the same sums in the same order).
    public struct Part: Sendable, Equatable, Codable {
        public var persons: Range<Int>
        /// ancova, change: each person's visit_A − visit_B (as bit patterns,
        /// so that the text keeps every bit).
        var differences: [UInt64] = []
        /// responder: responders under A and under B.
        var respondersA = 0, respondersB = 0
        /// dropout: each person's dropout week under A, then under B (0: stayed).
        var dropoutWeeks: [Int] = []

        /// Screens the reference candidates in order up to the last of
        /// `persons`, keeping only those (memory grows with the part, not the
        /// whole run), and follows them under A and B.
        init(_ study: PowerStudy, persons: Range<Int>) throws {
            let design = study.design
            self.persons = persons
            let recruiter = try study.population.makeRecruiter()
            var candidates: [Int] = []
            candidates.reserveCapacity(persons.count)
            var candidate = 0, enrolled = 0
            let limit = design.referencePersons * PowerStudy.maximumScreenedPerEnrolled
            while enrolled < persons.upperBound {
                guard candidate < limit else {
                    throw PowerDesignError.screening(trial: trial, screened: candidate, enrolled: enrolled)
                }
                if recruiter.screens(trial: trial, candidate: candidate) {
                    if enrolled >= persons.lowerBound { candidates.append(candidate) }
                    enrolled += 1
                }
                candidate += 1
            }
            let chunk = 1_024
            let count = candidates.count
            let chunks = (count + chunk - 1) / chunk
            let next = Atomic<Int>(0)
            let courses = Mutex<[[(ParticipantCourse, ParticipantCourse)]]>(Array(repeating: [], count: chunks))
            let errors = Mutex<[any Error]>([])
            let list = candidates
            DispatchQueue.concurrentPerform(iterations: max(1, min(design.threads, chunks))) { _ in
                do {
                    let worker = try study.population.makeRecruiter()
                    while true {
                        let index = next.add(1, ordering: .relaxed).oldValue
                        if index >= chunks { break }
                        let part = list[(index * chunk)..<min((index + 1) * chunk, count)].map { c in
                            (worker.course(trial: trial, candidate: c, armA: true),
                             worker.course(trial: trial, candidate: c, armA: false))
                        }
                        courses.withLock { $0[index] = part }
                    }
                } catch {
                    errors.withLock { $0.append(error) }
                }
            }
            if let error = errors.withLock({ $0.first }) { throw error }
            let pairs = courses.withLock { $0 }.flatMap { $0 }
            switch design.analysis {
            case .ancova, .change: differences = pairs.map { ($0.0.visit - $0.1.visit).bitPattern }
            case .responder:
                respondersA = pairs.count { $0.0.responder }
                respondersB = pairs.count { $0.1.responder }
            case .dropout: dropoutWeeks = pairs.map(\.0.dropoutWeek) + pairs.map(\.1.dropoutWeek)
            }
        }
    }

    /// The value from parts covering 0..<referencePersons, in person order.
    init(_ design: TrialDesign, parts: [Part]) throws {
        let persons = parts.reduce(0) { $0 + $1.persons.count }
        let n = Double(persons)
        let value: Double
        switch design.analysis {
        case .ancova, .change:
            value = parts.reduce(0) { total, part in part.differences.reduce(total) { $0 + Double(bitPattern: $1) } } / n
        case .responder:
            value = Double(parts.reduce(0) { $0 + $1.respondersA } - parts.reduce(0) { $0 + $1.respondersB }) / n
        case .dropout:
            func time(_ week: Int) -> LogRank.Observation { week > 0 ? (week, true) : (design.visit, false) }
            let a = parts.flatMap { $0.dropoutWeeks.prefix($0.persons.count).map(time) }
            let b = parts.flatMap { $0.dropoutWeeks.suffix($0.persons.count).map(time) }
            value = (try? LogRank.test(a: a, b: b).estimate) ?? 0
        }
        self.init(value: value, persons: persons)
    }
}
