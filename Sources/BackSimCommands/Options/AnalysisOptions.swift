import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimScenario

/// Subgroups and per-person output, shared by `run` and `compare`.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Also split every outcome and comparison by 'profile', 'condition' or 'supervised' (adds a group column to CSV).",
        valueName: "grouping"))
    var by: Grouping?

    @Option(help: ArgumentHelp(
        "Comma-separated outcomes the table, Markdown and HTML show and compare; CSV and JSON always hold every outcome. "
            + "(default: the scenario's report.outcomes, else pain,disability,retention,flare_ups)",
        valueName: "list"))
    var outcomes: String?

    @Option(
        name: .customLong("per-person"),
        help: ArgumentHelp(
            "Also write one row per replication × person × policy × week to this CSV file, streamed as the run goes.",
            valueName: "file"))
    var perPerson: String?

    func validate() throws {
        if perPerson?.isEmpty == true { throw ValidationError("--per-person: empty file name") }
        if let outcomes { _ = try Self.outcomes(outcomes) }
    }

    /// The outcomes named in `list`, every problem reported at once.
    static func outcomes(_ list: String) throws(ValidationError) -> [ComparisonMetric] {
        let names = PolicyList.split(list)
        let known = ComparisonMetric.all.map(\.name)
        var problems: [String] = []
        for name in names where ComparisonMetric.named(name) == nil {
            let hint = closestName(name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(name.isEmpty ? "empty outcome name" : "unknown outcome '\(name)'\(hint)")
        }
        guard problems.isEmpty else {
            throw ValidationError("--outcomes: " + problems.joined(separator: "; ") + " (known: \(known.joined(separator: ", ")))")
        }
        return names.compactMap(ComparisonMetric.named)
    }
}

extension Grouping: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument != "none", let value = Grouping(rawValue: argument) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { ["profile", "condition", "supervised"] }
}
