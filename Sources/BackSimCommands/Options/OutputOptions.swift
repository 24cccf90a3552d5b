import ArgumentParser

/// Where the results go and in which form.
struct OutputOptions: ParsableArguments {
    @Option(help: "table (for reading), csv (tidy long, one statistic per row), json (with metadata and timing), markdown, or html (a self-contained report with charts).")
    var format: OutputFormat = .table

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Also write each chart of the HTML report as its own SVG file (ID.svg) into this directory, created if missing.",
        valueName: "directory"))
    var charts: String?

    @Flag(help: "Do not show progress on standard error.")
    var quiet = false

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output: empty file name") }
        if charts?.isEmpty == true { throw ValidationError("--charts: empty directory name") }
    }
}
