import Foundation
import Stochastics

/// How numbers are spelled in outputs.
enum NumberText {
    /// The shortest text that reads back as the same `Double`, without a
    /// trailing `.0` (`5`, `2000`, `0.1`, `2.3456`, `1e+20`); the same
    /// spelling JSONEncoder uses, so CSV and JSON agree digit for digit.
    ///
    /// - Precondition: `value` is finite (summaries never hold NaN or ±∞).
    static func shortest(_ value: Double) -> String {
        precondition(value.isFinite, "non-finite value \(value) in output")
        let text = (value + 0).description  // + 0 turns −0 into 0
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `value` rounded to `digits` decimals, never spelled `-0.00`.
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
    }

    /// An interval as `low to high`, each to `digits` decimals.
    static func interval(_ interval: ConfidenceInterval, digits: Int = 2) -> String {
        "\(fixed(interval.low, digits: digits)) to \(fixed(interval.high, digits: digits))"
    }

    /// As ``fixed(_:digits:)`` with an explicit `+` on positive values.
    static func signed(_ value: Double, digits: Int) -> String {
        let text = fixed(value, digits: digits)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return isZero || text.hasPrefix("-") ? text : "+" + text
    }
}
