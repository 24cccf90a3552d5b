import BackSimReports
import Foundation

/// What every study output records so that it can be reproduced: the
/// scenario (name, origin, content hash), seed, persons, the `--set` values,
/// where the uncertainty came from, and the tool, model and stream versions.
public struct StudyProvenance: Equatable, Sendable, Encodable {
    public let scenario: String
    public let origin: String
    public let contentHash: String
    public let seed: UInt64
    public let persons: Int
    /// `--set` values by name, in command-line order as `NAME=VALUE`.
    public let settings: [String]
    /// Scenario fields replaced by flags (`persons`, `parameters.dropout.base`, …).
    public let overriddenByFlags: [String]
    /// `scenario`, a file path, or nil when the study has none.
    public let uncertainty: String?
    public let toolVersion = ToolInfo.version
    public let modelVersion = ToolInfo.modelVersion
    public let randomStreamVersion = ToolInfo.randomStreamVersion

    public init(
        scenario: String, origin: String, contentHash: String, seed: UInt64, persons: Int, settings: [String],
        overriddenByFlags: [String], uncertainty: String? = nil
    ) {
        self.scenario = scenario
        self.origin = origin
        self.contentHash = contentHash
        self.seed = seed
        self.persons = persons
        self.settings = settings
        self.overriddenByFlags = overriddenByFlags
        self.uncertainty = uncertainty
    }

    enum CodingKeys: String, CodingKey {
        case scenario, origin, contentHash = "content_hash", seed, persons, settings = "set",
             overriddenByFlags = "overridden_by_flags", uncertainty, toolVersion = "tool_version",
             modelVersion = "model_version", randomStreamVersion = "random_stream_version"
    }

    /// One line for page subtitles and table headers.
    var line: String {
        let set = settings.isEmpty ? "" : "; set \(settings.joined(separator: ", "))"
        return "\(scenario) (\(origin), hash \(contentHash)); seed \(seed); \(persons) persons\(set); backsim \(toolVersion), model \(modelVersion)"
    }
}

/// JSON with sorted keys and two-space indentation; non-finite numbers as strings.
enum StudyJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding plain structs of numbers and strings cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Fixed decimals, `-0.00` shown as `0.00`.
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
    let text = String(format: "%.\(digits)f", value)
    return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
}

/// Three significant digits (`0.000123`, `1.25`), `0` for zero.
func significant(_ value: Double) -> String {
    guard value != 0, value.isFinite else { return value == 0 ? "0" : fixed(value, 3) }
    return String(format: "%.3g", value)
}

/// Shortest round-trip text for CSV.
func csvNumber(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : value > 0 ? "Inf" : "-Inf" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}

/// Pads columns for a terminal table.
func textTable(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            return rightAligned.contains(i) ? pad + cell : cell + pad
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
        .joined(separator: "\n") + "\n"
}
