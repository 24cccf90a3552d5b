import Foundation
import BackSimCore
import BackSimStudies
import Stochastics

/// A synthetic trial population with known answers, for checking the trial
/// planner against closed-form power: baseline ~ Normal(5, 1); visit =
/// baseline + mean change of the arm + sd·z (z shared by both arms: common
/// random numbers); responder with the arm's probability (one shared
/// uniform); leaving the programme in a geometric week with the arm's
/// weekly hazard (one shared uniform; never after the visit). Everybody
/// passes screening unless `screenShare` < 1.
public struct NormalTrialPopulation: TrialPopulation {
    public var meanChange: (a: Double, b: Double)
    public var sd: Double
    public var responders: (a: Double, b: Double) = (0.3, 0.3)
    public var dropoutHazard: (a: Double, b: Double) = (0.05, 0.05)
    public var screenShare = 1.0
    public var visit = 12
    public var seed: UInt64 = 1
    public var armsHaveProgramme: (a: Bool, b: Bool) { (true, true) }

    public init(meanChange: (a: Double, b: Double), sd: Double) {
        self.meanChange = meanChange
        self.sd = sd
    }

    public func makeRecruiter() throws -> any TrialRecruiter { Recruiter(self, try RandomStream()) }

    final class Recruiter: TrialRecruiter {
        let population: NormalTrialPopulation
        let stream: RandomStream
        init(_ population: NormalTrialPopulation, _ stream: RandomStream) {
            self.population = population
            self.stream = stream
        }

        private func start(_ trial: Int, _ candidate: Int, _ purpose: UInt32) {
            stream.reseed(StreamKey(seed: population.seed, replication: UInt32(trial), person: UInt64(candidate), purpose: purpose))
        }

        func screens(trial: Int, candidate: Int) -> Bool {
            start(trial, candidate, 301)
            return stream.uniform() < population.screenShare
        }

        func course(trial: Int, candidate: Int, armA: Bool) -> ParticipantCourse {
            start(trial, candidate, 302)
            let p = population
            let baseline = 5 + stream.gaussian()
            let visit = baseline + (armA ? p.meanChange.a : p.meanChange.b) + p.sd * stream.gaussian()
            let responder = stream.uniform() < (armA ? p.responders.a : p.responders.b)
            let hazard = armA ? p.dropoutHazard.a : p.dropoutHazard.b
            let u = stream.uniformPositive()
            let week = hazard > 0 ? Int((log(u) / log1p(-hazard)).rounded(.down)) + 1 : Int.max
            return ParticipantCourse(baseline: baseline, visit: visit, responder: responder, dropoutWeek: week <= p.visit ? week : 0)
        }
    }
}
