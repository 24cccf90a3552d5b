import BackSimCore
import BackSimReports
import Foundation

/// `run` and `compare` as one shard, and merged from every shard.
enum ShardRun {
    /// Simulates shard `shard`'s persons of `plan` and writes its partial file.
    static func simulate(
        _ plan: SimulationPlan, shard: Shard, scenarioHash: String, output: OutputOptions, perPersonPath: String?,
        profiles: [String], labels: [String]
    ) throws {
        let path = shard.partialPath(output: output.output)
        if let directory = output.output, directory.hasSuffix("/") {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try AtomicFile.checkDestination(path)
        let persons = ShardSplit.persons(total: plan.simulatedPersons, index: shard.index, count: shard.count)
        // The shard's per-person rows go through the usual writer into a
        // scratch file, then into the partial file.
        let scratch = perPersonPath.map { _ in path + ".per-person" }
        let writer = try scratch.map { try PerPersonWriter(path: $0, profiles: profiles, policies: labels) }
        let clock = ContinuousClock(), start = clock.now
        let progress = ProgressIndicator.make(quiet: output.quiet)
        let aggregates: RunAggregates
        do {
            var report: (@Sendable (Int, Int) -> Void)?
            if let progress { report = { done, total in progress.update(done: done, total: total) } }
            aggregates = try Simulator.runPart(plan, persons: persons, progress: report, perPerson: writer)
            progress?.finish()
        } catch {
            progress?.finish()
            writer?.abort()
            throw error
        }
        let duration = clock.now - start
        var sections = [("aggregates", aggregates.encoded())]
        if let scratch {
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            guard let data = FileManager.default.contents(atPath: scratch) else {
                throw ShardFailure(status: .ioError, message: "\(scratch): cannot read back the shard's per-person rows")
            }
            let text = String(decoding: data, as: UTF8.self)
            let rows = text.firstIndex(of: "\n").map { text[text.index(after: $0)...] } ?? ""
            sections.append(("per-person", String(rows)))
        }
        let (seconds, attoseconds) = duration.components
        let text = PartialFile.make(
            shard: shard, arguments: Invocation.arguments ?? Array(CommandLine.arguments.dropFirst()),
            scenarioHash: scenarioHash, seed: plan.seed,
            work: "persons \(persons.lowerBound)..<\(persons.upperBound) of \(plan.simulatedPersons)",
            seconds: Double(seconds) + Double(attoseconds) * 1e-18, sections: sections)
        try AtomicFile.write(text, to: path)
    }

    /// The single run's result from every shard's aggregates; per-person rows
    /// into `perPerson` in shard order. Timing: the shards' summed durations.
    static func merge(
        _ parts: [PartialFile], plan: SimulationPlan, scenarioHash: String, perPerson: PerPersonWriter?
    ) throws -> (SimulationResult, RunTiming) {
        var total = RunAggregates(empty: plan)
        for part in parts {
            guard part.fields["scenario-hash"] == scenarioHash else {
                throw ShardFailure(
                    status: .dataError,
                    message: "\(part.path): the shards ran on scenario content \(part.fields["scenario-hash"] ?? ""), but it is now "
                        + "\(scenarioHash); restore the scenario file they ran on, or run the shards again")
            }
            let persons = ShardSplit.persons(total: plan.simulatedPersons, index: part.index, count: part.count)
            guard part.fields["work"] == "persons \(persons.lowerBound)..<\(persons.upperBound) of \(plan.simulatedPersons)" else {
                throw PartialFile.corrupted(part.path, "its work '\(part.fields["work"] ?? "")' is not shard \(part.index)'s")
            }
            do {
                total.merge(try RunAggregates(decoding: part.section("aggregates") ?? "", plan: plan))
            } catch {
                throw PartialFile.corrupted(part.path, "aggregates: \(error)")
            }
            if let perPerson {
                guard let rows = part.section("per-person") else {
                    throw PartialFile.corrupted(part.path, "no per-person rows")
                }
                try perPerson.write(chunk: part.index, formatted: Array(rows.utf8))
            }
        }
        try perPerson?.finish()
        let timing = RunTiming(wallSeconds: parts.map(\.seconds).reduce(0, +), personWeeks: plan.personWeeks, threads: plan.threads)
        return (try total.result(plan), timing)
    }
}
