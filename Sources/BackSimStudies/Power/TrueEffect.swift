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

    static func compute(_ study: PowerStudy) throws -> TrueEffect {
        let design = study.design
        let persons = design.referencePersons
        let recruiter = try study.population.makeRecruiter()
        var candidates: [Int] = []
        candidates.reserveCapacity(persons)
        var candidate = 0
        while candidates.count < persons {
            guard candidate < persons * PowerStudy.maximumScreenedPerEnrolled else {
                throw PowerDesignError.screening(trial: trial, screened: candidate, enrolled: candidates.count)
            }
            if recruiter.screens(trial: trial, candidate: candidate) { candidates.append(candidate) }
            candidate += 1
        }
        let chunk = 1_024
        let chunks = (persons + chunk - 1) / chunk
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
                    let part = list[(index * chunk)..<min((index + 1) * chunk, persons)].map { c in
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
        let n = Double(pairs.count)
        let value: Double
        switch design.analysis {
        case .ancova, .change:
            value = pairs.reduce(0) { $0 + ($1.0.visit - $1.1.visit) } / n
        case .responder:
            value = Double(pairs.count { $0.0.responder } - pairs.count { $0.1.responder }) / n
        case .dropout:
            func time(_ c: ParticipantCourse) -> LogRank.Observation {
                c.dropoutWeek > 0 ? (c.dropoutWeek, true) : (design.visit, false)
            }
            value = (try? LogRank.test(a: pairs.map { time($0.0) }, b: pairs.map { time($0.1) }).estimate) ?? 0
        }
        return TrueEffect(value: value, persons: persons)
    }
}
