import ArgumentParser

/// What `--format` selects.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned text for reading in a terminal.
    case table
    /// Tidy long CSV, one row per policy × week × metric × statistic.
    case csv
    /// Everything, with metadata and timing.
    case json
    /// Tables for a report or a pull request.
    case markdown
    /// A self-contained page with SVG charts (no network needed to view it).
    case html
}
