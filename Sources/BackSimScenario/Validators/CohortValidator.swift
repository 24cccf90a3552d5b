import BackSimCore
import Yams

/// Reads `cohort:`: its size and the profiles it mixes.
struct CohortValidator {
    let reader: NodeReader
    let weeks: Int?

    func read(_ node: Node, _ path: FieldPath, name: String) -> (cohort: Cohort, size: Int)? {
        guard let fields = reader.mapping(node, path, allowed: ["size", "profiles"], required: ["size", "profiles"]) else {
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
        let valid = profiles.compactMap { $0 }
        if valid.count == profiles.count, !valid.isEmpty, valid.map(\.weight).reduce(0, +) <= 0 {
            reader.error(profilesNode, path.key("profiles"), "expected profile weights that sum to a positive number, found a sum of 0")
            return nil
        }
        guard let size, valid.count == profiles.count, !valid.isEmpty else { return nil }
        return (Cohort(name: name, summary: "", profiles: valid), size)
    }
}
