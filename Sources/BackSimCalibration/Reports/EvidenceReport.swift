import Foundation
import BackSimCore
import Stochastics

/// The result of an evidence check: every target's estimate and verdict.
public struct EvidenceReport: Sendable {
    public let estimates: [TargetEstimate]
    /// Persons per run and seeds, as used.
    public let persons: [Int]
    public let seeds: [UInt64]
    public let fileCount: Int
    /// Parameters set on top of every target's scenario.
    public let parameters: [ParameterValue]

    public init(estimates: [TargetEstimate], persons: [Int], seeds: [UInt64], fileCount: Int, parameters: [ParameterValue] = []) {
        self.estimates = estimates
        self.persons = persons
        self.seeds = seeds
        self.fileCount = fileCount
        self.parameters = parameters
    }

    /// Gating targets that are outside (or undefined): the check fails if any.
    public var failures: [TargetEstimate] { estimates.filter(\.failsGate) }
    public var passed: Bool { failures.isEmpty }

    /// The terminal table, with known gaps' reasons and a closing verdict.
    public func table() -> String {
        let targets = estimates.count, gating = estimates.filter(\.target.gating).count
        let sizes = persons.map(String.init).joined(separator: ", ")
        let seedText = seeds.map(String.init).joined(separator: ", ")
        var lines = [
            "Evidence check: \(targets) target\(targets == 1 ? "" : "s") (\(gating) gating) from \(fileCount) file\(fileCount == 1 ? "" : "s"); "
                + "\(sizes) persons per run; seed\(seeds.count == 1 ? "" : "s") \(seedText)",
            "Published: value (95% CI) or reported range. Simulated: mean (95% Monte Carlo interval)."
                + (estimates.contains { $0.errorMethod == .kaplanMeier } ? " A median time: Kaplan-Meier median (95% interval)." : ""),
        ]
        if !parameters.isEmpty {
            lines.append("Parameters set: " + parameters.map { "\($0.spec.name) = \(Figures.parameter($0.value))" }.joined(separator: ", "))
        }
        lines.append("")
        var table = Columns(["target", "outcome", "published", "simulated", "result", "gating"])
        for estimate in estimates {
            let target = estimate.target
            table.append([
                target.name, target.summary, Figures.published(target.published), Self.simulated(estimate),
                estimate.verdict.rawValue, target.gating ? "yes" : "known gap",
            ])
        }
        lines += table.lines()
        let insideNearEdge = estimates.contains { $0.verdict == .nearEdge }
        let outsideNearEdge = estimates.contains { $0.verdict == .outsideNearEdge }
        let unpaired = estimates.filter { $0.errorMethod == .unpaired }
        if insideNearEdge || outsideNearEdge || !unpaired.isEmpty { lines.append("") }
        if insideNearEdge {
            lines.append("inside*: the value is inside but its Monte Carlo interval crosses an edge; more persons (--persons) would settle it.")
        }
        if outsideNearEdge {
            lines.append("outside*: the value is outside but its Monte Carlo interval crosses an edge; more persons (--persons) would settle it.")
        }
        if !unpaired.isEmpty {
            lines.append("Differences marked † have an unpaired interval, √(se₁² + se₂²): wider than the paired one (conservative).")
        }
        let gaps = estimates.filter { !$0.target.gating }
        if !gaps.isEmpty {
            lines += ["", "Known gaps (reported, not gating):"]
            for gap in gaps { lines += Self.wrap("\(gap.target.name): \(gap.target.reason ?? "")", width: 100, indent: "  ", hanging: "    ") }
        }
        lines.append("")
        let failures = self.failures
        if gating == 0 {
            lines.append("No gating targets: nothing to pass or fail.")
        } else if failures.isEmpty {
            lines.append("All \(gating) gating target\(gating == 1 ? " is" : "s are") inside \(gating == 1 ? "its" : "their") published interval or range.")
        } else {
            lines.append("\(failures.count) of \(gating) gating target\(gating == 1 ? "" : "s") outside: \(failures.map(\.target.name).joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// When every failure is `outside*`, the check has not shown that the
    /// model disagrees, only that this run is too small to tell: says so,
    /// with the persons that would narrow the intervals enough.
    public var unsettledAdvice: String? {
        let failures = self.failures
        guard !failures.isEmpty, failures.allSatisfy({ $0.verdict == .outsideNearEdge }) else { return nil }
        let most = persons.max() ?? 0
        return "every failure is within Monte Carlo error of its interval (outside*): this run is too small to tell; "
            + "run with more persons (the intervals narrow as 1/√n: --persons \(most * 4) halves them)"
    }

    /// `text` in lines of at most `width` characters (longer words stay whole).
    static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty ? indent : hanging
            if line.count > prefix.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = hanging
            }
            line += (line.count > (lines.isEmpty ? indent : hanging).count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }

    /// `22.9 (22.6 to 23.2)`, with † for an unpaired difference interval.
    static func simulated(_ estimate: TargetEstimate) -> String {
        guard let value = estimate.value else { return "–" }
        let digits = Figures.digits(estimate.target.unit)
        guard let interval = estimate.interval else { return Figures.fixed(value, digits: digits) }
        let mark = estimate.errorMethod == .unpaired ? " †" : ""
        let high = interval.high.isFinite ? Figures.fixed(interval.high, digits: digits) : "not reached"
        return "\(Figures.fixed(value, digits: digits)) (\(Figures.fixed(interval.low, digits: digits)) to \(high))\(mark)"
    }

    /// Tidy CSV, one row per target.
    public func csv() -> String {
        var lines = [[
            "target", "cohort", "policy", "versus", "outcome", "unit", "weeks", "published_value", "published_low",
            "published_high", "published_kind", "simulated", "mc_low", "mc_high", "standard_error", "error_method",
            "result", "gating", "source", "reason",
        ].joined(separator: ",")]
        for estimate in estimates {
            let target = estimate.target
            let weeks = target.time.weeks
            let fields: [String] = [
                target.name, target.cohortName, target.policy.label, target.versus?.label ?? "", target.outcome.rawValue,
                target.unit.rawValue,
                weeks.lowerBound == weeks.upperBound ? "\(weeks.lowerBound)" : "\(weeks.lowerBound)-\(weeks.upperBound)",
                target.published.value.map(Self.number) ?? "", Self.number(target.published.low),
                Self.number(target.published.high), target.published.kind.rawValue,
                estimate.value.map(Self.number) ?? "", estimate.interval.map { Self.number($0.low) } ?? "",
                estimate.interval.flatMap { $0.high.isFinite ? Self.number($0.high) : nil } ?? "", estimate.standardError.map(Self.number) ?? "",
                estimate.errorMethod.rawValue, estimate.verdict.rawValue, target.gating ? "true" : "false",
                target.source, target.reason ?? "",
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Shortest round-trip spelling, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = (value + 0).description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
