import BackSimCore
import Yams

/// Reads `cohort:`: its size and the profiles it mixes.
struct CohortValidator {
    let reader: NodeReader
    let weeks: Int?

    func read(_ node: Node, _ path: FieldPath, name: String) -> (cohort: Cohort, size: Int)? {
        guard let fields = reader.mapping(node, path, allowed: ["size", "criteria", "profiles"], required: ["size", "profiles"]) else {
            return nil
        }
        let size = fields["size"].flatMap {
            reader.integer($0, path.key("size"), in: 1...SimulationPlan.maximumPersons, what: "a cohort size from 1 to \(SimulationPlan.maximumPersons.formatted) persons")
        }
        guard let profilesNode = fields["profiles"],
              let items = reader.sequence(profilesNode, path.key("profiles"), of: "profiles") else { return nil }
        let validator = ProfileValidator(reader: reader, weeks: weeks)
        let profiles = items.enumerated().map { validator.read($0.element, path.key("profiles").index($0.offset)) }
        var names = Set<String>()
        for (index, profile) in profiles.enumerated() {
            if let profile, !names.insert(profile.name).inserted {
                reader.error(items[index], path.key("profiles").index(index).key("name"), "profile name '\(profile.name)' is used twice; give each profile its own name")
            }
        }
        var criteria: EnrolmentCriteria?
        var criteriaValid = true
        if let criteriaNode = fields["criteria"] {
            criteria = readCriteria(criteriaNode, path.key("criteria"))
            criteriaValid = criteria != nil
        }
        let valid = profiles.compactMap { $0 }
        if valid.count == profiles.count, !valid.isEmpty, valid.map(\.weight).reduce(0, +) <= 0 {
            reader.error(profilesNode, path.key("profiles"), "expected profile weights that sum to a positive number, found a sum of 0")
            return nil
        }
        guard let size, criteriaValid, valid.count == profiles.count, !valid.isEmpty else { return nil }
        return (Cohort(name: name, summary: "", profiles: valid, criteria: criteria), size)
    }

    /// `criteria:` — `screening_pain` and `weeks_since_onset`, each
    /// `{min, max}` with at least one bound.
    private func readCriteria(_ node: Node, _ path: FieldPath) -> EnrolmentCriteria? {
        guard let fields = reader.mapping(node, path, allowed: ["screening_pain", "weeks_since_onset"]) else { return nil }
        var criteria = EnrolmentCriteria()
        var valid = true
        if let pain = fields["screening_pain"] {
            if let bounds = bounds(pain, path.key("screening_pain"), in: 0...10, integer: true) {
                criteria.screeningPain = Int(bounds.lowerBound)...Int(bounds.upperBound)
            } else { valid = false }
        }
        if let onset = fields["weeks_since_onset"] {
            if let bounds = bounds(onset, path.key("weeks_since_onset"), in: 0...1_000_000, integer: false) {
                criteria.weeksSinceOnset = bounds
            } else { valid = false }
        }
        return valid ? criteria : nil
    }

    private func bounds(_ node: Node, _ path: FieldPath, in range: ClosedRange<Double>, integer: Bool) -> ClosedRange<Double>? {
        guard let fields = reader.mapping(node, path, allowed: ["min", "max"]) else { return nil }
        guard fields["min"] != nil || fields["max"] != nil else {
            reader.error(node, path, "expected at least one of 'min' and 'max', found neither")
            return nil
        }
        func value(_ key: String) -> Double? {
            guard let node = fields[key] else { return nil }
            if integer {
                return reader.integer(node, path.key(key), in: Int(range.lowerBound)...Int(range.upperBound)).map(Double.init)
            }
            return reader.number(node, path.key(key), in: range)
        }
        let low = fields["min"] == nil ? range.lowerBound : value("min")
        let high = fields["max"] == nil ? range.upperBound : value("max")
        guard let low, let high else { return nil }
        guard low <= high else {
            reader.error(node, path, "expected min ≤ max, found min \(low.text) above max \(high.text)")
            return nil
        }
        return low...high
    }
}
