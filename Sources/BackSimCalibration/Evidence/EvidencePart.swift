import BackSimCore

/// One shard's part of an evidence evaluation: for each run, the exact
/// aggregates of the shard's persons and the tallies of the targets counted
/// person by person. Every number is an integer sum, so parts of disjoint
/// persons add up, in any order, to the whole evaluation's.
public struct EvidencePart: Sendable {
    struct Run: Sendable {
        var aggregates: RunAggregates
        var tallies: [PersonCourses.Tally]
    }

    var runs: [Run]

    /// Adds `other`'s persons; both must be parts of the same evaluation.
    public mutating func merge(_ other: EvidencePart) {
        for index in runs.indices {
            runs[index].aggregates.merge(other.runs[index].aggregates)
            for tally in runs[index].tallies.indices { runs[index].tallies[tally].merge(other.runs[index].tallies[tally]) }
        }
    }

    /// Every integer as decimal text, one section body per run: the run's
    /// aggregates (``RunAggregates/encoded()``), then a line `tallies` and
    /// each tally's persons, hits, versus hits, Σ squared differences and
    /// first-week counts.
    public func encoded() -> [String] {
        runs.map { run in
            var text = run.aggregates.encoded()
            if !text.hasSuffix("\n") { text += "\n" }
            text += "tallies\n"
            for tally in run.tallies {
                text += ([tally.persons, tally.hits, tally.versusHits, tally.differenceSquares] + tally.firstWeeks)
                    .map(String.init).joined(separator: " ") + "\n"
            }
            return text
        }
    }

    /// A part read back from ``encoded()``, shaped by `empty` (the
    /// evaluation's ``EvidenceRunner/emptyPart(parameters:)``) and its plans.
    public init(decoding bodies: [Substring], like empty: EvidencePart, runner: EvidenceRunner, parameters: [ParameterValue])
        throws(AggregateTextError)
    {
        guard bodies.count == empty.runs.count else {
            throw AggregateTextError(reason: "\(bodies.count) runs, not the evaluation's \(empty.runs.count)")
        }
        var runs = empty.runs
        let plans = runner.plans(parameters: parameters)
        for (index, body) in bodies.enumerated() {
            guard let marker = body.range(of: "tallies\n") else { throw AggregateTextError(reason: "run \(index): no tallies") }
            runs[index].aggregates = try RunAggregates(decoding: body[..<marker.lowerBound], plan: plans[index])
            let lines = body[marker.upperBound...].split(separator: "\n")
            guard lines.count == runs[index].tallies.count else {
                throw AggregateTextError(reason: "run \(index): \(lines.count) tallies, not \(runs[index].tallies.count)")
            }
            for (tally, line) in lines.enumerated() {
                let numbers = line.split(separator: " ").map { Int64($0) }
                guard numbers.count == 4 + runs[index].tallies[tally].firstWeeks.count, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                    throw AggregateTextError(reason: "run \(index): tally \(tally) is not \(4 + runs[index].tallies[tally].firstWeeks.count) counts")
                }
                let values = numbers.map { $0! }
                runs[index].tallies[tally] = PersonCourses.Tally(
                    persons: values[0], hits: values[1], versusHits: values[2], differenceSquares: values[3],
                    firstWeeks: Array(values[4...]))
            }
        }
        self.runs = runs
    }

    init(runs: [Run]) { self.runs = runs }
}
