import BackSimCore
import Yams

/// Reads `policies:`: built-ins by name (`percent:20`) and rule tables.
struct PolicyValidator {
    let reader: NodeReader

    func read(_ node: Node, _ path: FieldPath) -> [any ProgressionPolicy]? {
        guard let items = reader.sequence(node, path, of: "policies") else { return nil }
        var policies: [any ProgressionPolicy] = []
        var ok = true
        var labels: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let itemPath = path.index(index)
            guard let policy = readOne(item, itemPath) else { ok = false; continue }
            if let first = labels[policy.label] {
                reader.error(item, itemPath, "policy '\(policy.label)' is already listed at policies[\(first)]; each policy appears once")
                ok = false
                continue
            }
            labels[policy.label] = index
            policies.append(policy)
        }
        return ok ? policies : nil
    }

    func readOne(_ node: Node, _ path: FieldPath) -> (any ProgressionPolicy)? {
        if case .scalar = node {
            guard let text = reader.string(node, path, what: "a policy name") else { return nil }
            do {
                return try PolicyCatalogue.policy(text)
            } catch {
                var message = error.description
                if case .unknownPolicy = error {
                    let name = String(text.split(separator: ":").first ?? "")
                    let hint = closestName(name, among: PolicyCatalogue.names).map { "; did you mean '\($0)'?" } ?? ""
                    message = "unknown policy '\(text)'\(hint) (known: \(PolicyCatalogue.names.joined(separator: ", ")); or write a rule table)"
                }
                reader.error(node, path, message)
                return nil
            }
        }
        return readRuleTable(node, path)
    }

    private func readRuleTable(_ node: Node, _ path: FieldPath) -> (any ProgressionPolicy)? {
        guard let fields = reader.mapping(node, path, allowed: ["name", "start", "rules"], required: ["name", "rules"]) else {
            return nil
        }
        let name = fields["name"].flatMap { reader.string($0, path.key("name"), what: "a policy name") }
        if let name, let nameNode = fields["name"], PolicyCatalogue.names.contains(String(name.split(separator: ":").first ?? "")) {
            reader.error(nameNode, path.key("name"), "'\(name)' is a built-in policy's name; give the rule table its own name")
            return nil
        }
        let start = fields["start"].map { readStart($0, path.key("start")) } ?? StartingDose.seedDocument
        guard let rulesNode = fields["rules"], let items = reader.sequence(rulesNode, path.key("rules"), of: "rules") else {
            return nil
        }
        var rules: [RuleTablePolicy.Rule] = []
        var ok = true
        for (index, item) in items.enumerated() {
            if let rule = readRule(item, path.key("rules").index(index)) { rules.append(rule) } else { ok = false }
        }
        guard ok, let name, let start else { return nil }
        return RuleTablePolicy(label: name, startingDose: start, rules: rules)
    }

    private func readRule(_ node: Node, _ path: FieldPath) -> RuleTablePolicy.Rule? {
        guard let fields = reader.mapping(node, path, allowed: ["if", "then"], required: ["then"]) else { return nil }
        var condition: RuleExpression?
        var ok = true
        if let ifNode = fields["if"] {
            if let text = reader.string(ifNode, path.key("if"), what: "a condition") {
                do { condition = try RuleParser.condition(text) } catch {
                    report(error, in: ifNode, path.key("if"))
                    ok = false
                }
            } else { ok = false }
        }
        guard let thenNode = fields["then"], let text = reader.string(thenNode, path.key("then"), what: "an action") else {
            return nil
        }
        do {
            let actions = try RuleParser.actions(text)
            guard ok else { return nil }
            let conditionText = (fields["if"]?.string).map { "if \($0): " } ?? ""
            return RuleTablePolicy.Rule(condition: condition, actions: actions, text: conditionText + text)
        } catch {
            report(error, in: thenNode, path.key("then"))
            return nil
        }
    }

    /// Points at the character of a rule's text where the problem is.
    private func report(_ error: RuleTextError, in node: Node, _ path: FieldPath) {
        let mark = node.mark
        var column = mark?.column ?? 1
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { column += 1 }
        reader.error(line: mark?.line ?? 1, column: column + error.offset, path, error.message)
    }

    static let startKeys = ["sessions", "minutes", "intensity", "sets", "reps", "load", "holds", "seconds"]

    private func readStart(_ node: Node, _ path: FieldPath) -> Prescription? {
        guard let fields = reader.mapping(node, path, allowed: Self.startKeys) else { return nil }
        var dose = StartingDose.seedDocument
        var ok = true
        func int(_ key: String, _ range: ClosedRange<Int>, _ set: (inout Prescription, Int) -> Void) {
            guard let node = fields[key] else { return }
            if let value = reader.integer(node, path.key(key), in: range) { set(&dose, value) } else { ok = false }
        }
        func number(_ key: String, _ range: ClosedRange<Double>, _ set: (inout Prescription, Double) -> Void) {
            guard let node = fields[key] else { return }
            if let value = reader.number(node, path.key(key), in: range) { set(&dose, value) } else { ok = false }
        }
        int("sessions", 0...7) { $0.sessionsPerWeek = $1 }
        number("minutes", 0...StartingDose.maximumMinutes) { $0.aerobic.minutes = $1 }
        number("intensity", 0...10) { $0.aerobic.intensity = $1 }
        int("sets", 0...5) { $0.strength.sets = $1 }
        int("reps", 0...30) { $0.strength.reps = $1 }
        number("load", StartingDose.minimumLoad...StartingDose.maximumLoad) { $0.strength.load = $1 }
        int("holds", 0...10) { $0.stretching.holds = $1 }
        number("seconds", 0...120) { $0.stretching.seconds = $1 }
        return ok ? dose : nil
    }
}
