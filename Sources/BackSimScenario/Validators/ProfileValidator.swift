import BackSimCore
import Yams

/// Reads one cohort profile: who these people are, as distributions.
struct ProfileValidator {
    let reader: NodeReader
    let weeks: Int?

    /// Trait fields: key, range, unit, and where it goes in ``Profile``.
    struct Trait: Sendable {
        let key: String
        let range: ClosedRange<Double>
        let unit: String
        let keyPath: WritableKeyPath<Profile, TraitDistribution> & Sendable
    }

    static let traits = [
        Trait(key: "baseline_pain", range: 0...10, unit: "NRS 0-10", keyPath: \.baselinePain),
        Trait(key: "weeks_since_onset", range: 0...520, unit: "weeks", keyPath: \.weeksSinceOnset),
        Trait(key: "fitness", range: 0...1, unit: "score 0-1", keyPath: \.fitness),
        Trait(key: "self_efficacy", range: 0...1, unit: "score 0-1, PSEQ/60", keyPath: \.selfEfficacy),
        Trait(key: "fear_avoidance", range: 0...1, unit: "score 0-1, TSK-11 rescaled", keyPath: \.fearAvoidance),
        Trait(key: "sessions_available", range: 1...7, unit: "sessions a week", keyPath: \.sessionsAvailable),
        Trait(key: "clearance_week", range: 0...520, unit: "week", keyPath: \.clearanceWeek),
    ]

    static let keys = ["name", "weight", "condition", "supervised"] + traits.map(\.key)

    func read(_ node: Node, _ path: FieldPath) -> Profile? {
        guard let fields = reader.mapping(node, path, allowed: Self.keys, required: ["name", "condition", "baseline_pain"]) else {
            return nil
        }
        var ok = true
        let name = fields["name"].flatMap { reader.string($0, path.key("name"), what: "a profile name") }
        let weight = fields["weight"].map { reader.number($0, path.key("weight"), in: 0...1e9, what: "a weight ≥ 0") } ?? 1
        let condition = fields["condition"].flatMap { readCondition($0, path.key("condition")) }
        let supervised = fields["supervised"].map {
            reader.number($0, path.key("supervised"), in: 0...1, what: "a probability from 0 to 1")
        } ?? 0.3
        var profile = Profile(name: name ?? "", condition: condition ?? .only(.chronic), baselinePain: .fixed(5))
        for trait in Self.traits {
            guard let node = fields[trait.key] else { continue }
            let validator = DistributionValidator(reader: reader, range: trait.range, unit: trait.unit)
            if let distribution = validator.read(node, path.key(trait.key)) {
                profile[keyPath: trait.keyPath] = distribution
            } else {
                ok = false
            }
        }
        if let node = fields["clearance_week"], let weeks, profile.clearanceWeek.possibleMaximum > Double(weeks) {
            reader.error(node, path.key("clearance_week"),
                         "expected a clearance week within the horizon (≤ \(weeks)), found one that can reach \(profile.clearanceWeek.possibleMaximum.text)")
            ok = false
        }
        guard ok, let name, let weight, let condition, let supervised else { return nil }
        profile.name = name
        profile.weight = weight
        profile.condition = condition
        profile.supervisedProbability = supervised
        return profile
    }

    static let conditionNames = Condition.allCases.map(\.rawValue)

    private func readCondition(_ node: Node, _ path: FieldPath) -> Categorical<Condition>? {
        if case .scalar = node {
            guard let text = reader.string(node, path) else { return nil }
            guard let condition = Condition(rawValue: text) else {
                let hint = closestName(text, among: Self.conditionNames).map { "; did you mean '\($0)'?" } ?? ""
                reader.error(node, path, "expected one of \(Self.conditionNames.joined(separator: ", ")) or a categorical distribution, found '\(text)'\(hint)")
                return nil
            }
            return .only(condition)
        }
        guard let fields = reader.mapping(node, path, allowed: ["distribution", "weights"], required: ["distribution", "weights"]),
              let kindNode = fields["distribution"], let weightsNode = fields["weights"] else { return nil }
        if let kind = reader.string(kindNode, path.key("distribution")), kind != "categorical" {
            reader.error(kindNode, path.key("distribution"), "expected 'categorical' (a condition is a category), found '\(kind)'")
            return nil
        }
        guard let weights = reader.mapping(weightsNode, path.key("weights"), allowed: Self.conditionNames) else { return nil }
        var pairs: [(Condition, Double)] = []
        for condition in Condition.allCases {
            guard let node = weights[condition.rawValue] else { continue }
            guard let w = reader.number(node, path.key("weights").key(condition.rawValue), in: 0...1e9, what: "a weight ≥ 0") else {
                return nil
            }
            pairs.append((condition, w))
        }
        guard pairs.map(\.1).reduce(0, +) > 0 else {
            reader.error(weightsNode, path.key("weights"), "expected weights that sum to a positive number, found a sum of 0")
            return nil
        }
        return Categorical(pairs)
    }
}
