import BackSimCore
import Foundation
import Stochastics

/// Where a probabilistic analysis takes its parameter values from.
public enum ParameterDraws: Sendable {
    /// Sampled from an uncertainty block; draw d's values are a pure function
    /// of (seed, d), so any draw can be rerun alone and shards agree.
    case sampled(ParameterUncertainty, seed: UInt64)
    /// Given row by row (`--draws-from`): draw d is row d.
    case table(DrawTable)

    /// The stream purpose of parameter draws: a stream per (seed, draw) that no
    /// person's stream shares (person streams use purposes below 1000).
    public static let streamPurpose: UInt32 = 1_000

    public var specs: [ParameterSpec] {
        switch self {
        case .sampled(let uncertainty, _): uncertainty.parameters.map(\.spec)
        case .table(let table): table.specs
        }
    }

    /// How many draws there are, if limited (a table's rows).
    public var available: Int? {
        if case .table(let table) = self { return table.rows.count }
        return nil
    }

    /// The values of draw `draw` (in ``specs`` order). `stream` is reseeded.
    public func values(draw: Int, stream: RandomStream) throws(StatisticsError) -> [Double] {
        switch self {
        case let .sampled(uncertainty, seed):
            stream.reseed(StreamKey(seed: seed, replication: 0, person: UInt64(draw), purpose: Self.streamPurpose))
            var scores: [Double] = []
            for _ in uncertainty.parameters { scores.append(try Normal.quantile(stream.uniformPositive())) }
            return try uncertainty.values(normalScores: scores)
        case .table(let table):
            return table.rows[draw]
        }
    }
}

/// Parameter draws read from a CSV file: a header of model parameter names
/// (an optional first column `draw` is ignored), then one row of values per
/// draw, e.g. from a Bayesian calibration elsewhere.
public struct DrawTable: Sendable {
    public let specs: [ParameterSpec]
    public let rows: [[Double]]

    public static func load(path: String) throws(DrawTableError) -> DrawTable {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DrawTableError(file: path, line: 1, column: 1, message: "cannot be read as a UTF-8 file")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(DrawTableError) -> DrawTable {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0[...]) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first, !header.isEmpty else {
            throw DrawTableError(file: file, line: 1, column: 1, message: "empty; expected a header of parameter names")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        let skipsFirst = names.first == "draw"
        var specs: [ParameterSpec] = []
        var column = 1
        for (index, name) in names.enumerated() {
            defer { column += name.count + 1 }
            if index == 0 && skipsFirst { continue }
            guard let spec = ModelParameters.spec(named: name) else {
                let hint = closestName(name, among: ModelParameters.catalogue.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                throw DrawTableError(file: file, line: 1, column: column, message: "unknown parameter '\(name)'\(hint) (see docs/model.md)")
            }
            guard !specs.contains(where: { $0.name == name }) else {
                throw DrawTableError(file: file, line: 1, column: column, message: "'\(name)' is a column twice")
            }
            specs.append(spec)
        }
        var rows: [[Double]] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard cells.count == names.count else {
                throw DrawTableError(file: file, line: offset + 2, column: 1, message: "expected \(names.count) values as in the header, found \(cells.count)")
            }
            var row: [Double] = []
            var column = 1
            for (index, cell) in cells.enumerated() {
                defer { column += cell.count + 1 }
                if index == 0 && skipsFirst { continue }
                let spec = specs[index - (skipsFirst ? 1 : 0)]
                guard let value = Double(cell), value.isFinite else {
                    throw DrawTableError(file: file, line: offset + 2, column: column, message: "\(spec.name): expected a number, found '\(cell)'")
                }
                guard spec.range.contains(value) else {
                    throw DrawTableError(file: file, line: offset + 2, column: column,
                                         message: "\(spec.name): must be from \(spec.range.lowerBound.compactText) to \(spec.range.upperBound.compactText) (\(spec.unit)), found \(cell)")
                }
                row.append(value)
            }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw DrawTableError(file: file, line: 2, column: 1, message: "no draws; expected one row of values per draw after the header") }
        return DrawTable(specs: specs, rows: rows)
    }
}

/// A bad `--draws-from` file, located.
public struct DrawTableError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
