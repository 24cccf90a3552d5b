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
                if let range = entry.range { details.append("range \(compact(range.lowerBound)) to \(compact(range.upperBound))") }
                lines.append("  Parameter: \(parameter)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
            } else {
                lines.append("  Parameter: none")
            }
            lines.append("  Source: \(entry.source)")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `10` rather than `10.0`.
    private static func compact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
