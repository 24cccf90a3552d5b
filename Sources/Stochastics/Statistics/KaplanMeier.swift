#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Kaplan–Meier (product-limit) estimate of a survival function from
/// grouped discrete-time data, with Greenwood's variance, pointwise intervals
/// and the median with its interval.
///
/// Input: for each time tᵢ (strictly increasing), the number at risk nᵢ just
/// before tᵢ, the events dᵢ at tᵢ and the censorings cᵢ at tᵢ. Events at a time
/// come before censorings at the same time (the usual convention): those
/// censored at tᵢ count as at risk at tᵢ.
///
///     S(t)    = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)                      (S = 1 before t₁)
///     Var S(t) = S(t)² Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ))         (Greenwood 1926)
///
/// The 1 − α interval is by default on the log(−log) scale (Kalbfleisch &
/// Prentice 1980; R's `conf.type = "log-log"`), which stays inside [0, 1]:
///
///     σ(t) = √(Σ dᵢ/(nᵢ(nᵢ − dᵢ))) / |log S(t)|,    [S^exp(+zσ), S^exp(−zσ)]
///
/// with z = Φ⁻¹(1 − α/2). ``Scale/log`` gives R's default instead,
/// S·exp(∓z√Σ) with the upper bound clipped at 1.
///
/// What does not hold:
/// - The intervals are pointwise (for each t on its own), not a simultaneous
///   band for the whole curve, and their coverage is asymptotic (large nᵢ).
/// - Where S(t) = 1 (no event yet) or S(t) = 0 (everyone at risk had the
///   event) Greenwood's variance is 0 and log(−log S) is undefined; the
///   interval there is the degenerate [S, S] (R reports NA). It says nothing
///   about the true S: with no event among n people S could still be below 1.
/// - The estimate assumes censoring independent of the event (people who
///   reach the horizon are censored: that holds by construction).
///
/// A drop in the number at risk between two listed times that their events
/// and censorings do not explain is taken as censoring between them, so a
/// table that lists only the times with events (as R's `summary(survfit)`
/// prints) gives the same estimate.
public struct KaplanMeier: Equatable, Sendable {
    /// What happened at one time.
    public struct Count: Equatable, Sendable {
        /// The time (a week, in BackSim).
        public var time: Int
        /// The number at risk just before `time`: still in follow-up and
        /// without the event.
        public var atRisk: Int64
        /// The number who had the event at `time`.
        public var events: Int64
        /// The number censored at `time` (at risk at `time`, not after it).
        public var censored: Int64

        /// Counts at one time.
        public init(time: Int, atRisk: Int64, events: Int64, censored: Int64 = 0) {
            self.time = time
            self.atRisk = atRisk
            self.events = events
            self.censored = censored
        }
    }

    /// The estimate at one of the input times, in force until the next one.
    public struct Step: Equatable, Sendable {
        /// The time.
        public let time: Int
        /// The number at risk just before `time`.
        public let atRisk: Int64
        /// The number who had the event at `time`.
        public let events: Int64
        /// The number censored at `time`.
        public let censored: Int64
        /// S(time), the estimated probability of no event up to and
        /// including `time`.
        public let survival: Double
        /// Greenwood's estimate of Var S(time).
        public let variance: Double
        /// The pointwise interval for S(time) (see the type's notes).
        public let interval: ConfidenceInterval

        /// Greenwood's standard error √Var S(time).
        public var standardError: Double { variance.squareRoot() }
    }

    /// The scale on which the normal approximation for the interval is made.
    public enum Scale: Equatable, Sendable {
        /// log(−log S): Kalbfleisch & Prentice; R's `conf.type = "log-log"`.
        case logLog
        /// log S: R's default `conf.type = "log"`; the upper bound is clipped at 1.
        case log
    }

    /// The median's interval: the times at which the interval's bounds first
    /// reach 0.5. `nil` bounds were not reached within follow-up.
    public struct MedianInterval: Equatable, Sendable {
        /// The first time whose interval's lower bound is ≤ 0.5.
        public let low: Int?
        /// The first time whose interval's upper bound is ≤ 0.5.
        public let high: Int?

        /// An interval with the given bounds (nil: not reached).
        public init(low: Int?, high: Int?) {
            self.low = low
            self.high = high
        }
    }

    /// Why a table of counts cannot be estimated from.
    public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Times must increase strictly.
        case timesNotIncreasing(Int, after: Int)
        /// A negative count.
        case negativeCount(time: Int)
        /// More events and censorings than people at risk.
        case moreLeavingThanAtRisk(time: Int)
        /// More at risk than were left after the previous time.
        case atRiskIncreased(time: Int)
        /// Individual records whose times and events differ in number.
        case lengthMismatch(times: Int, events: Int)
        /// A level outside (0, 1).
        case invalidLevel(Double)

        public var description: String {
            switch self {
            case let .timesNotIncreasing(time, previous):
                "time \(time) does not follow \(previous): times must increase strictly"
            case let .negativeCount(time):
                "negative count at time \(time)"
            case let .moreLeavingThanAtRisk(time):
                "more events and censorings than people at risk at time \(time)"
            case let .atRiskIncreased(time):
                "more at risk at time \(time) than were left after the previous time (late entry is not supported)"
            case let .lengthMismatch(times, events):
                "\(times) times but \(events) event flags"
            case let .invalidLevel(level):
                "level \(level) is not strictly between 0 and 1"
            }
        }
    }

    /// One step per input count, in time order.
    public let steps: [Step]
    /// The confidence level 1 − α of every interval.
    public let level: Double
    /// The scale of the intervals.
    public let scale: Scale

    /// Tolerance for "S ≤ 0.5": a product of ratios that is 0.5 in exact
    /// arithmetic may round just above it (R's `quantile.survfit` uses the same).
    private static let tolerance = Double.ulpOfOne.squareRoot()

    /// The estimate from grouped counts (see the type's notes).
    ///
    /// - Throws: ``InputError`` when times do not increase strictly, a count
    ///   is negative, events + censored exceed the number at risk, the number
    ///   at risk grows, or `level` is not strictly between 0 and 1.
    public init(_ counts: [Count], level: Double = 0.95, scale: Scale = .logLog) throws(InputError) {
        guard level > 0, level < 1 else { throw .invalidLevel(level) }  // NaN fails too
        // Level is in (0, 1), so the quantile exists and is finite.
        let z = (try? Normal.quantile(1 - (1 - level) / 2)) ?? .nan
        var steps: [Step] = []
        steps.reserveCapacity(counts.count)
        var survival = 1.0
        var greenwoodSum = 0.0  // Σ d/(n(n − d)), the variance of log S
        var previous: Count?
        for count in counts {
            if let previous {
                guard count.time > previous.time else { throw .timesNotIncreasing(count.time, after: previous.time) }
                guard count.atRisk <= previous.atRisk - previous.events - previous.censored else {
                    throw .atRiskIncreased(time: count.time)
                }
            }
            guard count.atRisk >= 0, count.events >= 0, count.censored >= 0 else { throw .negativeCount(time: count.time) }
            guard count.events + count.censored <= count.atRisk else { throw .moreLeavingThanAtRisk(time: count.time) }
            if count.events > 0 {
                let n = Double(count.atRisk)
                let d = Double(count.events)
                survival *= (n - d) / n
                // d = n empties the risk set: S = 0, and Greenwood's S²·Σ has
                // the limit 0 (the infinite term is multiplied by S² = 0).
                greenwoodSum += count.events == count.atRisk ? .infinity : d / (n * (n - d))
            }
            let variance = survival == 0 ? 0 : survival * survival * greenwoodSum
            steps.append(Step(
                time: count.time, atRisk: count.atRisk, events: count.events, censored: count.censored,
                survival: survival, variance: variance,
                interval: Self.interval(survival, logVariance: greenwoodSum, z: z, scale: scale)))
            previous = count
        }
        self.steps = steps
        self.level = level
        self.scale = scale
    }

    /// The estimate from individual records: person i left follow-up at
    /// `times[i]`, with the event when `events[i]` is true and censored
    /// otherwise. Times need not be sorted.
    ///
    /// - Throws: ``InputError/lengthMismatch(times:events:)`` when the arrays
    ///   differ in length; ``InputError/invalidLevel(_:)`` as above.
    public init(times: [Int], events: [Bool], level: Double = 0.95, scale: Scale = .logLog) throws(InputError) {
        guard times.count == events.count else { throw .lengthMismatch(times: times.count, events: events.count) }
        var byTime: [Int: (events: Int64, censored: Int64)] = [:]
        for (time, event) in zip(times, events) {
            var tally = byTime[time, default: (0, 0)]
            if event { tally.events += 1 } else { tally.censored += 1 }
            byTime[time] = tally
        }
        var atRisk = Int64(times.count)
        var counts: [Count] = []
        for time in byTime.keys.sorted() {
            let tally = byTime[time]!
            counts.append(Count(time: time, atRisk: atRisk, events: tally.events, censored: tally.censored))
            atRisk -= tally.events + tally.censored
        }
        try self.init(counts, level: level, scale: scale)
    }

    /// S(t): the estimate at the last input time ≤ t; 1 before the first.
    public func survival(at time: Int) -> Double {
        step(at: time)?.survival ?? 1
    }

    /// The step in force at `time` (the last one at or before it), or `nil`
    /// before the first input time.
    public func step(at time: Int) -> Step? {
        // Steps are few (one per week); a linear scan from the end is enough.
        steps.last { $0.time <= time }
    }

    /// The median time: the first time t with S(t) ≤ 0.5, or `nil` when S
    /// stays above 0.5 throughout follow-up ("not reached").
    ///
    /// When S is exactly 0.5 from tᵢ until a later event time this returns tᵢ,
    /// as R's survival package did until version 2.39 and as most textbooks
    /// define it; current R returns the midpoint of the two times instead.
    public var median: Int? {
        firstTime { $0.survival }
    }

    /// The interval for the median, by inverting the pointwise intervals (as
    /// R's `survfit` does, in the spirit of Brookmeyer & Crowley 1982): the
    /// lower limit is the first time at which the interval's lower bound is
    /// ≤ 0.5, the upper limit the first time at which its upper bound is.
    /// A limit is `nil` when that bound never reaches 0.5 within follow-up.
    /// It inherits the intervals' scale, so ``Scale/log`` and ``Scale/logLog``
    /// may give different limits.
    public var medianInterval: MedianInterval {
        MedianInterval(low: firstTime { $0.interval.low }, high: firstTime { $0.interval.high })
    }

    private func firstTime(_ value: (Step) -> Double) -> Int? {
        steps.first { value($0) <= 0.5 + Self.tolerance }?.time
    }

    private static func interval(_ survival: Double, logVariance: Double, z: Double, scale: Scale) -> ConfidenceInterval {
        // At S = 1 and S = 0 both scales are undefined (log 1 = 0, log 0 = −∞).
        guard survival > 0, survival < 1 else { return ConfidenceInterval(low: survival, high: survival) }
        switch scale {
        case .logLog:
            let logS = log(survival)
            let sigma = logVariance.squareRoot() / abs(logS)
            // S^exp(x) = exp(log S · exp(x)); log S < 0, so +zσ gives the lower bound.
            return ConfidenceInterval(
                low: exp(logS * exp(z * sigma)),
                high: exp(logS * exp(-z * sigma)))
        case .log:
            let spread = z * logVariance.squareRoot()
            return ConfidenceInterval(low: survival * exp(-spread), high: min(1, survival * exp(spread)))
        }
    }
}
