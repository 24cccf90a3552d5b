import ArgumentParser
import BackSimCore

/// `backsim policies`: the catalogue, for choosing `--policy` and `--policies`.
struct Policies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in policies with their parameter, default, range and source.")

    func run() throws {
        try StandardStream.output.write(all: Self.listing())
    }

    /// The listing, one block per catalogue entry.
    static func listing() -> String {
        var lines = [
            "Built-in policies. Write a parameterised policy as name:value (e.g. percent:20);",
            "without a value it takes its default.",
            "",
        ]
        for entry in PolicyCatalogue.entries {
            lines.append(entry.parameter == nil ? entry.name : "\(entry.name)[:value]")
            lines.append("  \(entry.summary)")
            if let parameter = entry.parameter {
                var details: [String] = []
                if let value = entry.defaultValue { details.append("default \(compact(value))") }
                if let choice = entry.choices?.first { details.append("default \(choice)") }
                lines.append("  Parameter: \(parameter)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
                lines += allowedValues(entry).map { "  " + $0 }
            } else {
                lines.append("  Parameter: none")
            }
            lines.append("  Source: \(entry.source)")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// What `name:value` accepts: every choice with its meaning, or the range
    /// (whole numbers where only those are accepted).
    static func allowedValues(_ entry: PolicyCatalogue.Entry) -> [String] {
        if let choices = entry.choices {
            return ["Allowed values:"] + choices.map { "  \($0): \(choiceMeanings[$0] ?? "")" }
        }
        guard let range = entry.range else { return [] }
        let whole = ["graded-activity", "pain-contingent", "pain-monitoring"].contains(entry.name)
        return ["Allowed values: \(whole ? "whole numbers" : "any number") from \(compact(range.lowerBound)) to \(compact(range.upperBound))"]
    }

    /// The acute:chronic ratio definitions (docs/outcomes.md).
    static let choiceMeanings = [
        "ewma": "daily exponentially weighted averages, λ = 2/(N+1) with N = 7 (acute) and 28 days (chronic) (Williams 2017)",
        "uncoupled": "this week's load ÷ the mean of the 4 weeks before it (Lolli 2019)",
        "coupled": "this week's load ÷ the rolling mean of the 4 weeks including it (Gabbett 2016)",
    ]

    /// `10` rather than `10.0`.
    private static func compact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
