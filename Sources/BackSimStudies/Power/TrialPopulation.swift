import BackSimCore
import Stochastics

/// Who can be enrolled and how they fare under each arm: the simulation
/// model for `backsim power`, or a synthetic model with a known answer in
/// tests. Everything must be a pure function of (trial, candidate), so that
/// results do not depend on threads and any trial can be replayed alone.
public protocol TrialPopulation: Sendable {
    /// Per-thread state (generators, buffers).
    func makeRecruiter() throws -> any TrialRecruiter
    /// Whether arm A and arm B prescribe a programme that can be left.
    var armsHaveProgramme: (a: Bool, b: Bool) { get }
}

/// One thread's view of a ``TrialPopulation``.
public protocol TrialRecruiter: AnyObject {
    /// Whether candidate `candidate` of trial `trial` passes screening.
    func screens(trial: Int, candidate: Int) -> Bool
    /// The candidate's course under arm A (`armA`) or arm B.
    func course(trial: Int, candidate: Int, armA: Bool) -> ParticipantCourse
}

/// The simulation model: candidates of trial t are persons of replication t
/// of the scenario, screened with its enrolment criteria, followed to the
/// visit under the plan's first policy (arm A) or second (arm B).
public struct SimulatedPopulation: TrialPopulation {
    public let plan: SimulationPlan
    public let armsHaveProgramme: (a: Bool, b: Bool)

    /// - Parameter plan: two policies (A, B); `weeks` is the visit week.
    public init(plan: SimulationPlan) throws {
        precondition(plan.policies.count == 2, "a trial has two arms")
        self.plan = plan
        let probe = try ParticipantSimulator(plan)
        armsHaveProgramme = (probe.prescribesProgramme(policyIndex: 0), probe.prescribesProgramme(policyIndex: 1))
    }

    public func makeRecruiter() throws -> any TrialRecruiter {
        Recruiter(try ParticipantSimulator(plan))
    }

    final class Recruiter: TrialRecruiter {
        let simulator: ParticipantSimulator
        init(_ simulator: ParticipantSimulator) { self.simulator = simulator }

        private func id(_ trial: Int, _ candidate: Int) -> PersonID {
            PersonID(seed: simulator.plan.seed, replication: trial, index: candidate)
        }

        func screens(trial: Int, candidate: Int) -> Bool {
            simulator.screens(id(trial, candidate))
        }

        func course(trial: Int, candidate: Int, armA: Bool) -> ParticipantCourse {
            simulator.course(id(trial, candidate), policyIndex: armA ? 0 : 1)
        }
    }
}
