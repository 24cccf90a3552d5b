/// A plan the engine cannot run, in the command line's wording with the
/// plan's property in place of the flag (`weeks: must be from 1 to 520, got -1`).
public enum SimulationPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ``SimulationPlan/persons`` outside 1...``SimulationPlan/maximumPersons``.
    case persons(Int)
    /// ``SimulationPlan/weeks`` outside 1...``SimulationPlan/maximumWeeks``.
    case weeks(Int)
    /// ``SimulationPlan/replications`` outside 1...``SimulationPlan/maximumReplications``.
    case replications(Int)
    /// ``SimulationPlan/threads`` below 1.
    case threads(Int)
    /// ``SimulationPlan/policies`` is empty.
    case noPolicies
    /// A policy's label is empty.
    case emptyLabel
    /// Two policies have the same label: outputs and comparisons find policies by label.
    case duplicateLabel(String)
    /// The reference of a comparison is not one of the plan's policies.
    case unknownReference(String, labels: [String])
    /// ``SimulationPlan/reference`` is not the index of one of the policies.
    case referenceIndex(Int, policies: Int)

    public var description: String {
        switch self {
        case let .persons(value): Self.range("persons", value, 1...SimulationPlan.maximumPersons)
        case let .weeks(value): Self.range("weeks", value, 1...SimulationPlan.maximumWeeks)
        case let .replications(value): Self.range("replications", value, 1...SimulationPlan.maximumReplications)
        case let .threads(value): "threads: must be at least 1, got \(value)"
        case .noPolicies:
            "policies: no policy given; choose from \(PolicyCatalogue.names.joined(separator: ", "))"
        case .emptyLabel: "policies: empty policy name"
        case let .duplicateLabel(label): "policies: '\(label)' is listed twice"
        case let .unknownReference(reference, labels):
            "reference: '\(reference)' is not one of the compared policies (\(labels.joined(separator: ", ")))"
        case let .referenceIndex(index, policies):
            "reference: policy index \(index) is not among the plan's \(policies) policies (0 to \(policies - 1))"
        }
    }

    private static func range(_ name: String, _ value: Int, _ range: ClosedRange<Int>) -> String {
        "\(name): must be from \(range.lowerBound) to \(range.upperBound), got \(value)"
    }
}

extension SimulationPlan {
    /// Checks what the engine relies on, in this order: persons, weeks,
    /// replications, threads, policies (at least one, each with a distinct,
    /// non-empty label), that ``reference`` (an index) is one of them, and,
    /// when given, that `reference` labels one of them.
    ///
    /// ``Simulator/run(_:progress:perPerson:)`` calls it before simulating.
    public func validate(reference: String? = nil) throws(SimulationPlanError) {
        guard (1...Self.maximumPersons).contains(persons) else { throw .persons(persons) }
        guard (1...Self.maximumWeeks).contains(weeks) else { throw .weeks(weeks) }
        guard (1...Self.maximumReplications).contains(replications) else { throw .replications(replications) }
        guard threads >= 1 else { throw .threads(threads) }
        guard !policies.isEmpty else { throw .noPolicies }
        var seen: Set<String> = []
        for policy in policies {
            guard !policy.label.isEmpty else { throw .emptyLabel }
            guard seen.insert(policy.label).inserted else { throw .duplicateLabel(policy.label) }
        }
        if let index = self.reference, !policies.indices.contains(index) {
            throw .referenceIndex(index, policies: policies.count)
        }
        if let reference, !seen.contains(reference) {
            throw .unknownReference(reference, labels: policies.map(\.label))
        }
    }
}
