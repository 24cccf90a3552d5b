/// Values written `FROM:TO:STEP`, the one range syntax of every `backsim`
/// command (`sweep --vary`, and the trial planner's sizes).
///
/// Contract:
/// - The values are FROM, FROM + STEP, FROM + 2·STEP, … while they do not
///   pass TO: STEP is a step size, not a count, and both ends are inclusive
///   (`5:30:5` is 5, 10, 15, 20, 25, 30).
/// - When TO − FROM is not a whole number of steps the last value is the
///   last one below TO (`5:12:5` is 5, 10); TO is never added.
/// - Each value is computed as FROM + k·STEP (never by repeated addition)
///   and rounded to the decimal places written in FROM and STEP, so
///   `0:1:0.1` has 11 values, the fourth is exactly the double nearest 0.3,
///   and the last is exactly 1. TO counts as reached (and is the last
///   value) if FROM + k·STEP is within 10⁻⁹·STEP of it.
/// - A single number `V` is the one-value range V.
/// - FROM ≤ TO and STEP > 0 (descending ranges are written ascending), all
///   finite, at most ``maximumCount`` values; anything else is refused with
///   a ``ValueRangeError`` that says what to write.
public struct ValueRange: Equatable, Sendable, CustomStringConvertible {
    public let from: Double
    public let to: Double
    public let step: Double
    /// The values, in increasing order.
    public let values: [Double]
    /// As written.
    public let description: String

    public static let maximumCount = 10_000

    public init(parsing text: String) throws(ValueRangeError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 1 || parts.count == 3 else { throw .syntax(text) }
        var numbers: [Double] = []
        for part in parts {
            guard let value = Double(part.trimmingSpaces), value.isFinite else { throw .notANumber(text, part: part) }
            numbers.append(value)
        }
        description = text
        guard parts.count == 3 else {
            from = numbers[0]; to = numbers[0]; step = 1; values = [numbers[0]]
            return
        }
        (from, to, step) = (numbers[0], numbers[1], numbers[2])
        guard step > 0 else { throw .step(text) }
        guard from <= to else { throw .descending(text) }
        let steps = ((to - from) / step + 1e-9).rounded(.down)
        guard steps < Double(Self.maximumCount) else { throw .tooMany(text, count: steps + 1) }
        let places = max(Self.decimalPlaces(parts[0]), Self.decimalPlaces(parts[2]))
        let scale = Self.powerOfTen(places)
        let (start, end, size) = (from, to, step)
        values = (0...Int(steps)).map { k in
            let exact = start + Double(k) * size
            return min(places <= 15 ? (exact * scale).rounded() / scale : exact, end)
        }
    }

    /// Digits after the decimal point as written, less a decimal exponent.
    static func decimalPlaces(_ text: String) -> Int {
        let lower = text.trimmingSpaces.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1).map(String.init)
        let mantissa = parts.first ?? ""
        let fraction = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first.map(\.count) ?? 0
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        return min(max(fraction - exponent, 0), 16)
    }

    static func powerOfTen(_ n: Int) -> Double {
        (0..<n).reduce(1.0) { value, _ in value * 10 }
    }
}

/// Why a `FROM:TO:STEP` text is not a range.
public enum ValueRangeError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(String)
    case notANumber(String, part: String)
    case step(String)
    case descending(String)
    case tooMany(String, count: Double)

    public var description: String {
        switch self {
        case .syntax(let text):
            "'\(text)' is not a range; write FROM:TO:STEP (e.g. 5:30:5, both ends included) or one number"
        case let .notANumber(text, part):
            "'\(text)': '\(part)' is not a number; write FROM:TO:STEP (e.g. 5:30:5)"
        case .step(let text):
            "'\(text)': STEP must be above 0 (it is a step size, e.g. 5:30:5 for 5, 10, …, 30)"
        case .descending(let text):
            "'\(text)': FROM must not be above TO; write the range ascending"
        case let .tooMany(text, count):
            "'\(text)' has \(Int(count)) values; at most \(ValueRange.maximumCount) are allowed, so use a larger STEP"
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
