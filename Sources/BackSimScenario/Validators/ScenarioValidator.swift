import BackSimCore
import Yams

/// Reads a whole scenario document, every field through its own validator.
struct ScenarioValidator {
    let reader: NodeReader

    static let keys = [
        "name", "description", "sources", "seed", "weeks", "replications", "cohort", "policies", "reference",
        "report", "parameters", "uncertainty",
    ]

    func read(_ root: Node, hash: String, origin: String) -> Scenario? {
        let path = FieldPath.root
        guard let fields = reader.mapping(root, path, allowed: Self.keys,
                                          required: ["name", "description", "weeks", "cohort", "policies"]) else {
            return nil
        }
        let name = fields["name"].flatMap { reader.string($0, path.key("name"), what: "a scenario name") }
        let summary = fields["description"].flatMap { reader.string($0, path.key("description"), what: "a description") }
        var sources: [String]? = []
        if let node = fields["sources"] {
            sources = reader.sequence(node, path.key("sources"), of: "sources", nonEmpty: false).map { items in
                items.enumerated().compactMap { reader.string($0.element, path.key("sources").index($0.offset)) }
            }
        }
        let seed = fields["seed"].map { reader.unsigned($0, path.key("seed")) } ?? 1
        let weeks = fields["weeks"].flatMap {
            reader.integer($0, path.key("weeks"), in: 1...SimulationPlan.maximumWeeks, what: "a horizon from 1 to \(SimulationPlan.maximumWeeks) weeks")
        }
        let replications = fields["replications"].map {
            reader.integer($0, path.key("replications"), in: 1...SimulationPlan.maximumReplications)
        } ?? 1
        let cohort = fields["cohort"].flatMap {
            CohortValidator(reader: reader, weeks: weeks).read($0, path.key("cohort"), name: name ?? "scenario")
        }
        let policies = fields["policies"].flatMap { PolicyValidator(reader: reader).read($0, path.key("policies")) }
        var reference: String?? = .some(nil)
        if let node = fields["reference"] {
            reference = reader.string(node, path.key("reference"), what: "a policy label").map { label in
                if let policies, !policies.map(\.label).contains(label) {
                    let labels = policies.map(\.label)
                    let hint = closestName(label, among: labels).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error(node, path.key("reference"), "expected one of the scenario's policies (\(labels.joined(separator: ", "))), found '\(label)'\(hint)")
                }
                return label
            }
        }
        let report = fields["report"].map { ReportValidator(reader: reader, weeks: weeks).read($0, path.key("report")) }
            ?? .some((nil, nil))
        let parameters = fields["parameters"].map { ParametersValidator(reader: reader).read($0, path.key("parameters")) }
            ?? .some((.defaults, []))
        let uncertainty = fields["uncertainty"].map { UncertaintyValidator(reader: reader).read($0, path.key("uncertainty")) }

        guard reader.diagnostics.isEmpty, let name, let summary, let sources, let seed, let weeks, let replications,
              let cohort, let policies, let reference, let report, let parameters else { return nil }
        if case .some(nil) = uncertainty { return nil }
        var scenarioCohort = cohort.cohort
        scenarioCohort.summary = summary
        return Scenario(
            name: name, summary: summary, sources: sources, seed: seed, weeks: weeks, replications: replications,
            cohort: scenarioCohort, persons: cohort.size, policies: policies,
            reference: reference ?? (policies.contains { $0.label == "control" } ? "control" : nil),
            reportWeeks: report.weeks, reportOutcomes: report.outcomes, parameters: parameters.0,
            parameterOverrides: parameters.1, uncertainty: uncertainty ?? nil, contentHash: hash, origin: origin)
    }
}
