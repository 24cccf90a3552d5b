import Foundation

/// How numbers are spelled in charts: coordinates short, ticks with just the
/// decimals their step needs, and a true minus sign in visible text.
enum ChartNumber {
    /// A coordinate rounded to 0.01 px, without trailing zeros: `12.35`,
    /// `100`, `-3.5`. Hundredths are far below what a screen can show.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        var text = String(format: "%.2f", rounded + 0)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The number of decimals that tick labels `step` apart need (0 for 1,
    /// 2, 5, 10 …; 1 for 0.5; 2 for 0.25 or 0.05).
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        for decimals in 0...10 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { return decimals }
        }
        return 10
    }

    /// A tick label: `value` with `decimals` decimals, `−` for negatives,
    /// never `−0`.
    static func tick(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        if isZero { return String(text.drop { $0 == "-" }) }
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// A value in running text (reference-line labels): up to 3 significant
    /// decimals, trailing zeros dropped, `−` for negatives.
    static func label(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
}
