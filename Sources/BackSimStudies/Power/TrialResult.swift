import Stochastics

/// One simulated trial's analysis at one size (a row of `--trials-out`).
public struct TrialResult: Sendable, Equatable, Codable {
    /// false: the trial as designed (A vs B); true: the null run (A vs A).
    public var null: Bool
    /// Arm B's size asked for.
    public var size: Int
    public var trial: Int
    /// nil when the analysis failed or was degenerate (see `failure`).
    public var test: TwoArmTest?
    public var failure: String?
    public var rejected: Bool?
    /// Whether the interval holds the true effect (0 for the null run).
    public var covered: Bool?
    public var analysedA: Int
    public var analysedB: Int
    /// Candidates screened to enrol this trial's persons.
    public var screened: Int
}

extension TrialResult {
    enum CodingKeys: String, CodingKey {
        case null, size, trial, test, failure, rejected, covered, analysedA, analysedB, screened
    }

    /// The test as the bit patterns of estimate, standard error, statistic,
    /// p, interval low and high, so a partial file keeps every bit (and NaN).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        null = try c.decode(Bool.self, forKey: .null)
        size = try c.decode(Int.self, forKey: .size)
        trial = try c.decode(Int.self, forKey: .trial)
        if let bits = try c.decodeIfPresent([UInt64].self, forKey: .test) {
            guard bits.count == 6 else {
                throw DecodingError.dataCorruptedError(forKey: .test, in: c, debugDescription: "a test is six numbers")
            }
            let v = bits.map(Double.init(bitPattern:))
            test = TwoArmTest(
                estimate: v[0], standardError: v[1], statistic: v[2], pValue: v[3], interval: ConfidenceInterval(low: v[4], high: v[5]))
        }
        failure = try c.decodeIfPresent(String.self, forKey: .failure)
        rejected = try c.decodeIfPresent(Bool.self, forKey: .rejected)
        covered = try c.decodeIfPresent(Bool.self, forKey: .covered)
        analysedA = try c.decode(Int.self, forKey: .analysedA)
        analysedB = try c.decode(Int.self, forKey: .analysedB)
        screened = try c.decode(Int.self, forKey: .screened)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(null, forKey: .null)
        try c.encode(size, forKey: .size)
        try c.encode(trial, forKey: .trial)
        if let test {
            try c.encode(
                [test.estimate, test.standardError, test.statistic, test.pValue, test.interval.low, test.interval.high].map(\.bitPattern),
                forKey: .test)
        }
        try c.encodeIfPresent(failure, forKey: .failure)
        try c.encodeIfPresent(rejected, forKey: .rejected)
        try c.encodeIfPresent(covered, forKey: .covered)
        try c.encode(analysedA, forKey: .analysedA)
        try c.encode(analysedB, forKey: .analysedB)
        try c.encode(screened, forKey: .screened)
    }
}
