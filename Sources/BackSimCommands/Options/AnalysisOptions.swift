import ArgumentParser
import BackSimCore

/// Subgroups and per-person output, shared by `run` and `compare`.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Also split every outcome by 'profile' or 'condition' (adds a group column to CSV).", valueName: "grouping"))
    var by: Grouping?

    @Option(
        name: .customLong("per-person"),
        help: ArgumentHelp(
            "Also write one row per replication × person × policy × week to this CSV file, streamed as the run goes.",
            valueName: "file"))
    var perPerson: String?

    func validate() throws {
        if perPerson?.isEmpty == true { throw ValidationError("--per-person: empty file name") }
    }
}

extension Grouping: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument != "none", let value = Grouping(rawValue: argument) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { ["profile", "condition"] }
}
