import BackSimCore
import BackSimScenario
import Foundation
import Yams

/// Reads evidence target files (YAML) into validated ``TargetFile`` values,
/// or into every problem found, each with file, line, column and the field's
/// path, exactly as scenario files are checked (`docs/calibration.md` has
/// the format).
///
/// ```yaml
/// name: hayden-2021
/// description: Exercise therapy versus control in chronic low-back pain.
/// persons: 4000            # optional: persons per run (default: the cohort's)
/// seed: 2021               # optional (default: the cohort scenario's)
/// targets:
///   - name: hayden-pain
///     cohort: chronic                  # built-in cohort, or a scenario file (relative to this file)
///     policy: guideline
///     versus: control                  # optional: policy − versus, on the same persons
///     outcome: pain                    # pain | disability | adherence | non_adherence | retention | dropout,
///                                      # or standardised_difference | share_pain_at_most | cumulative_share |
///                                      # monthly_pattern | time_to_recovery (their keys: docs/calibration.md §2a)
///     unit: 0-100                      # pain: 0-10 | 0-100; disability: 0-100; shares: share | percent
///     week: 12                         # or weeks: [1, 12] for the mean of weeks 1 to 12
///     value: -15.2
///     interval: [-18.3, -12.2]         # a 95% CI; or range: [low, high] for a reported range
///     source: "Hayden JA et al. Cochrane 2021, CD009790 [V2]"
///     gating: true                     # default; false makes it a known gap, which needs a reason
/// ```
public enum TargetLoader {
    /// Largest target file accepted.
    public static let maximumBytes = 1 << 20

    /// Loads every file; all problems of all files are reported together.
    public static func load(paths: [String]) throws(ScenarioError) -> [TargetFile] {
        var files: [TargetFile] = []
        var diagnostics: [Diagnostic] = []
        let cache = ScenarioCache()
        for path in paths {
            do { files.append(try load(path: path, cache: cache)) } catch { diagnostics += error.diagnostics }
        }
        // Names identify targets in tables and residuals: unique across files.
        var seen: [String: String] = [:]
        for file in files {
            for target in file.targets {
                if let first = seen[target.name] {
                    diagnostics.append(Self.diagnostic(
                        at: target.location, path: "targets", message: "target name '\(target.name)' is also used at \(first); names must be unique"))
                } else {
                    seen[target.name] = target.location
                }
            }
        }
        guard diagnostics.isEmpty else { throw ScenarioError(diagnostics) }
        return files
    }

    /// Loads one file.
    public static func load(path: String) throws(ScenarioError) -> TargetFile {
        try load(path: path, cache: ScenarioCache())
    }

    /// Validates target file text; `file` names it in messages and relative
    /// scenario paths are resolved against `directory`.
    public static func parse(yaml text: String, file: String, directory: String? = nil) throws(ScenarioError) -> TargetFile {
        try parse(yaml: text, file: file, directory: directory ?? Self.directory(of: file), cache: ScenarioCache())
    }

    static func load(path: String, cache: ScenarioCache) throws(ScenarioError) -> TargetFile {
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> ScenarioError {
            ScenarioError([Diagnostic(file: path, line: line, column: column, path: "", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw fail("no such file") }
        guard !isDirectory.boolValue else { throw fail("is a directory, not a target file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot be read") }
        guard data.count <= maximumBytes else {
            throw fail("file is \(data.count) bytes; a target file is at most \(maximumBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail("expected UTF-8 text, found bytes that are not UTF-8")
        }
        return try parse(yaml: text, file: path, directory: directory(of: path), cache: cache)
    }

    static func parse(yaml text: String, file: String, directory: String, cache: ScenarioCache) throws(ScenarioError) -> TargetFile {
        // The same limits as scenario files, before Yams composes anything.
        if let (line, column, message) = DocumentLimits.violation(in: text) {
            throw ScenarioError([Diagnostic(file: file, line: line, column: column, path: "", message: message)])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError([syntaxDiagnostic(error, file: file)])
        }
        guard let node else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "the file is empty; expected a mapping with targets")])
        }
        let reader = NodeReader(file: file)
        let validator = TargetFileValidator(reader: reader, directory: directory, cache: cache)
        let result = validator.read(node, path: file)
        let diagnostics = reader.diagnostics + validator.scenarioDiagnostics
        guard diagnostics.isEmpty, let result else {
            throw ScenarioError(diagnostics.isEmpty
                ? [Diagnostic(file: file, line: 1, column: 1, path: "", message: "invalid target file")] : diagnostics)
        }
        return result
    }

    static func directory(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path
    }

    private static func syntaxDiagnostic(_ error: any Error, file: String) -> Diagnostic {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let context = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax: \(problem)\(context)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, path: "",
                              message: "duplicate key '\(duplicates.first ?? "?")' in this mapping; each key may appear once")
        default:
            return Diagnostic(file: file, line: 1, column: 1, path: "", message: "cannot read the file as YAML: \(error)")
        }
    }

    /// `file:line:column` → a diagnostic there.
    static func diagnostic(at location: String, path: String, message: String) -> Diagnostic {
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) {
            return Diagnostic(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column, path: path, message: message)
        }
        return Diagnostic(file: location, line: 1, column: 1, path: path, message: message)
    }
}

/// Scenario files named by targets, each loaded and validated once.
final class ScenarioCache {
    enum Entry {
        case loaded(Scenario)
        case failed(ScenarioError)
    }

    private var entries: [String: Entry] = [:]

    func scenario(atPath path: String) -> Entry {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        if let entry = entries[key] { return entry }
        let entry: Entry
        do { entry = .loaded(try ScenarioLoader.load(path: path)) } catch { entry = .failed(error) }
        entries[key] = entry
        return entry
    }
}

/// Reads one target file's document.
struct TargetFileValidator {
    let reader: NodeReader
    let directory: String
    let cache: ScenarioCache
    /// Problems inside scenario files the targets name (reported once each).
    private let scenarioProblems = ScenarioProblems()

    init(reader: NodeReader, directory: String, cache: ScenarioCache) {
        self.reader = reader
        self.directory = directory
        self.cache = cache
    }

    final class ScenarioProblems {
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
    }

    var scenarioDiagnostics: [Diagnostic] { scenarioProblems.diagnostics }

    static let keys = ["name", "description", "persons", "seed", "targets"]
    static let targetKeys = [
        "name", "cohort", "policy", "versus", "outcome", "unit", "week", "weeks", "value", "interval", "range", "source",
        "gating", "reason", "of", "level", "state", "time_zero", "entry_week", "follow_up", "rule", "month_weeks",
    ]

    /// The keys that define a distribution outcome, and the outcomes that take each.
    static let definitionKeys: [(key: String, outcomes: [EvidenceOutcome])] = [
        ("of", [.standardisedDifference]), ("level", [.painAtMost]),
        ("state", [.cumulativeShare, .timeToRecovery]), ("time_zero", [.cumulativeShare, .timeToRecovery]),
        ("entry_week", [.cumulativeShare, .timeToRecovery]), ("follow_up", [.cumulativeShare, .timeToRecovery]),
        ("rule", [.monthlyPattern]), ("month_weeks", [.monthlyPattern]),
    ]

    func read(_ root: Node, path file: String) -> TargetFile? {
        let path = FieldPath.root
        guard let fields = reader.mapping(root, path, allowed: Self.keys, required: ["name", "description", "targets"]) else {
            return nil
        }
        let name = fields["name"].flatMap { reader.string($0, path.key("name"), what: "a name") }
        let summary = fields["description"].flatMap { reader.string($0, path.key("description"), what: "a description") }
        // nil: invalid; .some(nil): not given.
        let persons: Int?? = fields["persons"].map {
            reader.integer($0, path.key("persons"), in: 1...SimulationPlan.maximumPersons,
                           what: "a number of persons from 1 to \(SimulationPlan.maximumPersons)").map { .some($0) }
        } ?? .some(nil)
        let seed: UInt64?? = fields["seed"].map { reader.unsigned($0, path.key("seed")).map { .some($0) } } ?? .some(nil)
        var targets: [EvidenceTarget] = []
        var ok = true
        if let node = fields["targets"], let items = reader.sequence(node, path.key("targets"), of: "targets") {
            var names: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                let itemPath = path.key("targets").index(index)
                guard let target = readTarget(item, itemPath) else { ok = false; continue }
                if let first = names[target.name] {
                    reader.error(item, itemPath.key("name"), "target name '\(target.name)' is already used by targets[\(first)]; names must be unique")
                    ok = false
                    continue
                }
                names[target.name] = index
                targets.append(target)
            }
        } else {
            ok = false
        }
        guard ok, let name, let summary, let persons, let seed else { return nil }
        return TargetFile(path: file, name: name, summary: summary, persons: persons, seed: seed, targets: targets)
    }

    // MARK: One target

    private func readTarget(_ node: Node, _ path: FieldPath) -> EvidenceTarget? {
        guard let fields = reader.mapping(
            node, path, allowed: Self.targetKeys, required: ["name", "cohort", "policy", "outcome", "source"]) else {
            return nil
        }
        var ok = true
        let name = fields["name"].flatMap { reader.string($0, path.key("name"), what: "a target name") }
        if let name, let nameNode = fields["name"], name.isEmpty || name.contains(where: \.isWhitespace) {
            reader.error(nameNode, path.key("name"), "expected a name without spaces (it labels the target in tables), found '\(name)'")
            ok = false
        }
        let cohort = fields["cohort"].flatMap { readCohort($0, path.key("cohort")) }
        let outcome = fields["outcome"].flatMap { readOutcome($0, path.key("outcome")) }
        let policy = fields["policy"].flatMap { readPolicy($0, path.key("policy"), scenario: cohort?.scenario) }
        var versus: (any ProgressionPolicy)?? = .some(nil)
        if let node = fields["versus"] {
            versus = readPolicy(node, path.key("versus"), scenario: cohort?.scenario).map { .some($0) }
            if let policy, let other = versus ?? nil, other.label == policy.label {
                reader.error(node, path.key("versus"), "expected a policy other than '\(policy.label)'; a difference needs two arms")
                ok = false
            }
        }
        if let outcome {
            let hasVersus = fields["versus"] != nil
            if outcome == .standardisedDifference && !hasVersus {
                reader.error(fields.node, path.key("versus"), "missing 'versus': a standardised difference needs a second policy")
                ok = false
            }
            if outcome == .timeToRecovery, hasVersus, let node = fields["versus"] {
                reader.error(node, path.key("versus"), "time_to_recovery is a median of one arm; remove 'versus' (or write one target per arm)")
                ok = false
            }
        }
        var definition = outcome.flatMap { readDefinition(fields, path, outcome: $0) }
        if let outcome, outcome.needsProgramme, let policy {
            for (arm, key) in [(policy, "policy"), ((versus ?? nil), "versus")] {
                if let arm, arm is ControlPolicy, let armNode = fields[key] {
                    reader.error(armNode, path.key(key), "'\(arm.label)' prescribes no exercise, so \(outcome.rawValue) is undefined; choose a programme")
                    ok = false
                }
            }
        }
        let unit = outcome.flatMap { readUnit(fields["unit"], path.key("unit"), outcome: $0) }
        let time = readTime(fields, path, outcome: outcome, definition: definition ?? nil)
        if outcome == .monthlyPattern {
            definition = time.flatMap { readMonthlyRule(fields, path, window: $0.weeks) }.map { .some(.monthlyPattern($0)) }
        }
        let published = unit.flatMap { unit in
            outcome.flatMap {
                readPublished(fields, path, unit: unit, outcome: $0, difference: (versus ?? nil) != nil || $0 == .standardisedDifference)
            }
        }
        let source = fields["source"].flatMap { reader.string($0, path.key("source"), what: "a source") }
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty, let node = fields["source"] {
            reader.error(node, path.key("source"), "expected the figure's source, found an empty text")
            ok = false
        }
        let (gating, reason) = readGating(fields, path)

        guard ok, let name, let cohort, let outcome, let policy, let versus, let definition, let unit, let time,
              let published, let source, let gating else { return nil }
        let mark = node.mark
        return EvidenceTarget(
            name: name, cohortName: cohort.name, scenario: cohort.scenario, policy: policy, versus: versus,
            outcome: outcome, definition: definition, unit: unit, time: time, published: published, source: source, gating: gating,
            reason: reason, location: "\(reader.file):\(mark?.line ?? 1):\(mark?.column ?? 1)")
    }

    /// The definition of a distribution outcome: nil when invalid, `.some(nil)`
    /// for a mean outcome. A monthly pattern's rule is read with its window
    /// (``readMonthlyRule``); here it is only a placeholder.
    private func readDefinition(_ fields: NodeReader.Fields, _ path: FieldPath, outcome: EvidenceOutcome) -> OutcomeDefinition?? {
        var ok = true
        for (key, outcomes) in Self.definitionKeys where !outcomes.contains(outcome) {
            if let node = fields[key] {
                let owners = outcomes.map(\.rawValue).joined(separator: " and ")
                reader.error(node, path.key(key), "'\(key)' is for \(owners), not \(outcome.rawValue); remove it")
                ok = false
            }
        }
        func required(_ key: String, _ what: String) -> Node? {
            guard let node = fields[key] else {
                reader.error(fields.node, path.key(key), "missing '\(key)': \(outcome.rawValue) needs \(what)")
                ok = false
                return nil
            }
            return node
        }
        switch outcome {
        case .pain, .disability, .adherence, .nonAdherence, .retention, .dropout:
            return ok ? .some(nil) : nil
        case .monthlyPattern:
            _ = required("rule", "the rule its monthly means must meet")
            return ok ? .some(nil) : nil
        case .standardisedDifference:
            guard let node = required("of", "the outcome it standardises (pain or disability)") else { return nil }
            guard let text = reader.string(node, path.key("of"), what: "pain or disability") else { return nil }
            guard let of = EvidenceOutcome(rawValue: text), of == .pain || of == .disability else {
                reader.error(node, path.key("of"), "expected pain or disability, found '\(text)'")
                return nil
            }
            return ok ? .some(.standardisedDifference(of: of)) : nil
        case .painAtMost:
            guard let node = required("level", "a pain level") else { return nil }
            let level = reader.integer(node, path.key("level"), in: 0...10, what: "a pain level from 0 to 10 (NRS)")
            guard ok, let level else { return nil }
            return .some(.painAtMost(level: level))
        case .cumulativeShare, .timeToRecovery:
            let state = required("state", "the state counted (pain_at_most or improvement_at_least)").flatMap {
                readState($0, path.key("state"))
            }
            let zero = required("time_zero", "what its follow-up times count from (e.g. 'presentation' or 'entry')").flatMap {
                reader.string($0, path.key("time_zero"), what: "a time zero")
            }
            if let zero, zero.trimmingCharacters(in: .whitespaces).isEmpty, let node = fields["time_zero"] {
                reader.error(node, path.key("time_zero"), "expected what follow-up times count from, found an empty text")
                ok = false
            }
            var entry: Int? = 0
            if let node = fields["entry_week"] {
                entry = reader.integer(node, path.key("entry_week"), in: 0...SimulationPlan.maximumWeeks,
                                       what: "weeks from the time zero to the cohort's week 0, from 0 to \(SimulationPlan.maximumWeeks)")
            }
            guard ok, let state, let zero, let entry else { return nil }
            let timeZero = TimeZero(name: zero, entryWeek: entry)
            return .some(outcome == .cumulativeShare
                ? .cumulativeShare(state: state, timeZero: timeZero) : .timeToRecovery(state: state, timeZero: timeZero))
        }
    }

    /// `state: {pain_at_most: 0, weeks_in_a_row: 2}` or `{improvement_at_least: 30}` (percent).
    private func readState(_ node: Node, _ path: FieldPath) -> PainState? {
        guard let fields = reader.mapping(node, path, allowed: ["pain_at_most", "improvement_at_least", "weeks_in_a_row"]) else {
            return nil
        }
        var criterion: PainState.Criterion?
        switch (fields["pain_at_most"], fields["improvement_at_least"]) {
        case (nil, nil):
            reader.error(node, path, "expected 'pain_at_most' (a level, NRS 0-10) or 'improvement_at_least' (a percentage below the baseline report)")
            return nil
        case (.some, .some(let other)):
            reader.error(other, path.key("improvement_at_least"), "give 'pain_at_most' or 'improvement_at_least', not both")
            return nil
        case (.some(let level), nil):
            criterion = reader.integer(level, path.key("pain_at_most"), in: 0...10, what: "a pain level from 0 to 10 (NRS)").map { .painAtMost($0) }
        case (nil, .some(let percent)):
            criterion = reader.integer(percent, path.key("improvement_at_least"), in: 1...100, what: "a percentage from 1 to 100")
                .map { .improvementAtLeast(percent: $0) }
        }
        var weeks: Int? = 1
        if let node = fields["weeks_in_a_row"] {
            weeks = reader.integer(node, path.key("weeks_in_a_row"), in: 1...52, what: "a number of weeks from 1 to 52")
        }
        guard let criterion, let weeks else { return nil }
        return PainState(criterion, weeksInARow: weeks)
    }

    /// `rule:` (a list of conditions) over the `weeks:` window, in months of `month_weeks` (default 4).
    private func readMonthlyRule(_ fields: NodeReader.Fields, _ path: FieldPath, window: ClosedRange<Int>) -> MonthlyRule? {
        var monthWeeks: Int? = 4
        if let node = fields["month_weeks"] {
            monthWeeks = reader.integer(node, path.key("month_weeks"), in: 1...13, what: "weeks in a month, from 1 to 13")
        }
        guard let monthWeeks, let ruleNode = fields["rule"] else { return nil }
        guard window.count % monthWeeks == 0 else {
            reader.error(fields["weeks"], path.key("weeks"),
                         "expected whole months of \(monthWeeks) weeks, found \(window.count) weeks (\(window.lowerBound)-\(window.upperBound))")
            return nil
        }
        let months = window.count / monthWeeks
        guard let items = reader.sequence(ruleNode, path.key("rule"), of: "conditions") else { return nil }
        let comparisons = MonthlyRule.Condition.Quantifier.allCases.flatMap { quantifier in
            MonthlyRule.Condition.Comparison.allCases.map { (quantifier, $0) }
        }
        let keys = comparisons.map { "\($0.0.rawValue)_\($0.1.rawValue)" }
        var conditions: [MonthlyRule.Condition] = []
        var ok = true
        for (index, item) in items.enumerated() {
            let itemPath = path.key("rule").index(index)
            guard let condition = reader.mapping(item, itemPath, allowed: ["months"] + keys, required: ["months"]) else {
                ok = false
                continue
            }
            let given = keys.filter { condition[$0] != nil }
            guard given.count == 1, let key = given.first, let valueNode = condition[key] else {
                reader.error(item, itemPath, "expected exactly one of \(keys.joined(separator: ", ")), found \(given.isEmpty ? "none" : given.joined(separator: ", "))")
                ok = false
                continue
            }
            let (quantifier, comparison) = comparisons[keys.firstIndex(of: key)!]
            let threshold = reader.number(valueNode, itemPath.key(key), in: 0...10, what: "a pain level from 0 to 10 (NRS)")
            var range: ClosedRange<Int>?
            if let monthsNode = condition["months"], let bounds = reader.sequence(monthsNode, itemPath.key("months"), of: "months") {
                if bounds.count != 2 {
                    reader.error(monthsNode, itemPath.key("months"), "expected [from, to], two months, found \(bounds.count) values")
                } else {
                    let values = bounds.enumerated().map {
                        reader.integer($0.element, itemPath.key("months").index($0.offset), in: 1...months,
                                       what: "a month of the window from 1 to \(months)")
                    }
                    if let from = values[0], let to = values[1] {
                        if from <= to { range = from...to } else {
                            reader.error(monthsNode, itemPath.key("months"), "expected from ≤ to, found [\(from), \(to)]")
                        }
                    }
                }
            }
            guard let threshold, let range else { ok = false; continue }
            conditions.append(MonthlyRule.Condition(months: range, quantifier: quantifier, comparison: comparison, threshold: threshold))
        }
        guard ok else { return nil }
        return MonthlyRule(weeks: window, monthWeeks: monthWeeks, conditions: conditions)
    }

    private func readCohort(_ node: Node, _ path: FieldPath) -> (name: String, scenario: Scenario)? {
        guard let text = reader.string(node, path, what: "a built-in cohort or a scenario file") else { return nil }
        if let scenario = BuiltInScenarios.scenario(named: text) { return (text, scenario) }
        let looksLikeFile = text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
        guard looksLikeFile else {
            let hint = closestName(text, among: BuiltInScenarios.names).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(node, path, "unknown cohort '\(text)'\(hint) (built-in: \(BuiltInScenarios.names.joined(separator: ", ")); or a scenario file's path)")
            return nil
        }
        let resolved = text.hasPrefix("/") ? text : URL(fileURLWithPath: directory).appendingPathComponent(text).path
        switch cache.scenario(atPath: resolved) {
        case .loaded(let scenario):
            return (text, scenario)
        case .failed(let error):
            let first = error.diagnostics.first
            if first?.message == "no such file" {
                reader.error(node, path, "no scenario file at '\(text)' (looked for \(resolved))")
            } else {
                reader.error(node, path, "the scenario file '\(text)' has \(error.diagnostics.count) problem(s), listed with its own name")
                if scenarioProblems.reported.insert(resolved).inserted { scenarioProblems.diagnostics += error.diagnostics }
            }
            return nil
        }
    }

    private func readPolicy(_ node: Node, _ path: FieldPath, scenario: Scenario?) -> (any ProgressionPolicy)? {
        guard let text = reader.string(node, path, what: "a policy") else { return nil }
        if let own = scenario?.policies.first(where: { $0.label == text }) { return own }
        do {
            return try PolicyCatalogue.policy(text)
        } catch {
            var message = error.description
            if case .unknownPolicy = error {
                let name = String(text.split(separator: ":").first ?? "")
                let hint = closestName(name, among: PolicyCatalogue.names).map { "; did you mean '\($0)'?" } ?? ""
                let own = scenario.map { $0.policyLabels.filter { label in !PolicyCatalogue.names.contains { label.hasPrefix($0) } } } ?? []
                let extra = own.isEmpty ? "" : "; or the scenario's \(own.joined(separator: ", "))"
                message = "unknown policy '\(text)'\(hint) (known: \(PolicyCatalogue.names.joined(separator: ", "))\(extra))"
            }
            reader.error(node, path, message)
            return nil
        }
    }

    private func readOutcome(_ node: Node, _ path: FieldPath) -> EvidenceOutcome? {
        guard let text = reader.string(node, path, what: "an outcome") else { return nil }
        guard let outcome = EvidenceOutcome(rawValue: text) else {
            let known = EvidenceOutcome.allCases.map(\.rawValue)
            let hint = closestName(text, among: known).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(node, path, "expected one of \(known.joined(separator: ", ")), found '\(text)'\(hint)")
            return nil
        }
        return outcome
    }

    private func readUnit(_ node: Node?, _ path: FieldPath, outcome: EvidenceOutcome) -> EvidenceUnit? {
        guard let node else { return outcome.units[0] }
        // `0-100` is read as text by YAML; `100` alone is a number and not a unit.
        guard let text = reader.string(node, path, what: "a unit") else { return nil }
        guard let unit = EvidenceUnit(rawValue: text), outcome.units.contains(unit) else {
            let allowed = outcome.units.map(\.rawValue)
            reader.error(node, path, "expected a unit of \(outcome.rawValue): \(allowed.joined(separator: " or ")), found '\(text)'")
            return nil
        }
        return unit
    }

    private func readTime(
        _ fields: NodeReader.Fields, _ path: FieldPath, outcome: EvidenceOutcome?, definition: OutcomeDefinition?
    ) -> TargetTime? {
        switch outcome {
        case .cumulativeShare?, .timeToRecovery?:
            for key in ["week", "weeks"] {
                if let node = fields[key] {
                    reader.error(node, path.key(key), "\(outcome!.rawValue) is measured at 'follow_up' (weeks from 'time_zero'), not '\(key)'")
                    return nil
                }
            }
            guard let node = fields["follow_up"] else {
                reader.error(fields.node, path.key("follow_up"), "missing 'follow_up': the follow-up time in weeks from 'time_zero'")
                return nil
            }
            let entry: Int
            switch definition {
            case .cumulativeShare(_, let zero)?, .timeToRecovery(_, let zero)?: entry = zero.entryWeek
            default: return nil
            }
            let range = (entry + 1)...(entry + SimulationPlan.maximumWeeks)
            return reader.integer(
                node, path.key("follow_up"), in: range,
                what: "a follow-up week from \(range.lowerBound) to \(range.upperBound) (after the cohort's entry at week \(entry) from the time zero)"
            ).map { .week($0 - entry) }
        case .monthlyPattern?:
            if let node = fields["week"] {
                reader.error(node, path.key("week"), "monthly_pattern is measured over a window, 'weeks: [from, to]', not at one week")
                return nil
            }
            guard fields["weeks"] != nil else {
                reader.error(fields.node, path.key("weeks"), "missing 'weeks': the window [from, to] of whole months the rule is applied over")
                return nil
            }
        case .standardisedDifference?, .painAtMost?:
            if let node = fields["weeks"] {
                reader.error(node, path.key("weeks"), "\(outcome!.rawValue) is measured at one week; give 'week', not 'weeks'")
                return nil
            }
        default:
            break
        }
        let first = outcome?.needsProgramme == true || outcome == .monthlyPattern ? 1 : 0
        let what = first == 1
            ? "a programme week from 1 to \(SimulationPlan.maximumWeeks) (\(outcome!.rawValue) has no baseline week)"
            : "a week from 0 to \(SimulationPlan.maximumWeeks)"
        switch (fields["week"], fields["weeks"]) {
        case (nil, nil):
            reader.error(fields.node, path.key("week"), "missing 'week' (at a week) or 'weeks' ([from, to], the mean of those weeks)")
            return nil
        case (.some(let week), .some):
            reader.error(week, path.key("weeks"), "give 'week' or 'weeks', not both")
            return nil
        case (.some(let node), nil):
            return reader.integer(node, path.key("week"), in: first...SimulationPlan.maximumWeeks, what: what).map { .week($0) }
        case (nil, .some(let node)):
            guard let items = reader.sequence(node, path.key("weeks"), of: "weeks") else { return nil }
            guard items.count == 2 else {
                reader.error(node, path.key("weeks"), "expected [from, to], two weeks, found \(items.count) values")
                return nil
            }
            let bounds = items.enumerated().map {
                reader.integer($0.element, path.key("weeks").index($0.offset), in: first...SimulationPlan.maximumWeeks, what: what)
            }
            guard let from = bounds[0], let to = bounds[1] else { return nil }
            guard from <= to else {
                reader.error(node, path.key("weeks"), "expected from ≤ to, found [\(from), \(to)]")
                return nil
            }
            return .meanOfWeeks(from...to)
        }
    }

    private func readPublished(
        _ fields: NodeReader.Fields, _ path: FieldPath, unit: EvidenceUnit, outcome: EvidenceOutcome, difference: Bool
    ) -> PublishedFigure? {
        let limit = unit.maximum
        let range = difference ? -limit...limit : 0...limit
        let scale = difference ? "a difference from \((-limit).compact) to \(limit.compact)" : "a value from 0 to \(limit.compact)"
        let what = "\(scale) (\(outcome.rawValue), \(unit.rawValue))"
        var value: Double?
        var valueRead = true
        if let node = fields["value"] {
            value = reader.number(node, path.key("value"), in: range, what: what)
            valueRead = value != nil
        }
        let kind: PublishedFigure.Kind
        let boundsNode: Node
        switch (fields["interval"], fields["range"]) {
        case (nil, nil):
            reader.error(fields.node, path.key("interval"), "missing 'interval' (a 95% CI, [low, high]) or 'range' (a reported range, [low, high])")
            return nil
        case (.some, .some(let node)):
            reader.error(node, path.key("range"), "give 'interval' or 'range', not both")
            return nil
        case (.some(let node), nil):
            kind = .interval
            boundsNode = node
            if fields["value"] == nil {
                reader.error(fields.node, path.key("value"), "missing 'value': an interval needs the published point estimate")
                return nil
            }
        case (nil, .some(let node)):
            kind = .range
            boundsNode = node
        }
        let key = kind == .interval ? "interval" : "range"
        guard let items = reader.sequence(boundsNode, path.key(key), of: "bounds") else { return nil }
        guard items.count == 2 else {
            reader.error(boundsNode, path.key(key), "expected [low, high], two numbers, found \(items.count) values")
            return nil
        }
        let bounds = items.enumerated().map { reader.number($0.element, path.key(key).index($0.offset), in: range, what: what) }
        guard let low = bounds[0], let high = bounds[1], valueRead else { return nil }
        guard low < high else {
            reader.error(boundsNode, path.key(key), "expected low < high, found [\(low.compact), \(high.compact)]")
            return nil
        }
        if let value, !(low...high).contains(value), let valueNode = fields["value"] {
            reader.error(valueNode, path.key("value"), "expected the value inside its \(key) [\(low.compact), \(high.compact)], found \(value.compact)")
            return nil
        }
        return PublishedFigure(value: value, low: low, high: high, kind: kind)
    }

    private func readGating(_ fields: NodeReader.Fields, _ path: FieldPath) -> (Bool?, String?) {
        var gating: Bool? = true
        if let node = fields["gating"] {
            if case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool {
                gating = value
            } else {
                reader.error(node, path.key("gating"), "expected true (must pass) or false (a known gap), found \(NodeReader.describe(node))")
                gating = nil
            }
        }
        let reason = fields["reason"].flatMap { reader.string($0, path.key("reason"), what: "a reason") }
        switch (gating, fields["reason"]) {
        case (false, nil):
            reader.error(fields.keys["gating"] ?? fields.node, path.key("reason"), "missing 'reason': a known gap (gating: false) needs a written reason")
            return (nil, nil)
        case (true, .some(let node)):
            reader.error(node, path.key("reason"), "a reason is for known gaps; add 'gating: false' or remove it")
            return (nil, nil)
        default:
            if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty, let node = fields["reason"] {
                reader.error(node, path.key("reason"), "expected a reason, found an empty text")
                return (nil, nil)
            }
            return (gating, reason)
        }
    }
}

extension Double {
    /// `10` rather than `10.0`.
    var compact: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
