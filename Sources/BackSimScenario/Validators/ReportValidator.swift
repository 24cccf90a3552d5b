import BackSimCore
import Yams

/// Reads `report:`: the weeks and outcomes tables show.
struct ReportValidator {
    let reader: NodeReader
    let weeks: Int?

    func read(_ node: Node, _ path: FieldPath) -> (weeks: [Int]?, outcomes: [String]?)? {
        guard let fields = reader.mapping(node, path, allowed: ["weeks", "outcomes"]) else { return nil }
        var ok = true
        var reportWeeks: [Int]?
        if let weeksNode = fields["weeks"], let items = reader.sequence(weeksNode, path.key("weeks"), of: "weeks") {
            let horizon = weeks ?? SimulationPlan.maximumWeeks
            let values = items.enumerated().map {
                reader.integer($0.element, path.key("weeks").index($0.offset), in: 0...horizon,
                               what: "a week from 0 to the horizon (\(horizon))")
            }
            if values.contains(where: { $0 == nil }) { ok = false } else { reportWeeks = Array(Set(values.compactMap { $0 })).sorted() }
        } else if fields["weeks"] != nil { ok = false }
        var outcomes: [String]?
        if let outcomesNode = fields["outcomes"], let items = reader.sequence(outcomesNode, path.key("outcomes"), of: "outcomes") {
            let known = Metric.all.map(\.name)
            outcomes = []
            for (index, item) in items.enumerated() {
                guard let name = reader.string(item, path.key("outcomes").index(index), what: "an outcome name") else { ok = false; continue }
                guard known.contains(name) else {
                    let hint = closestName(name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error(item, path.key("outcomes").index(index), "expected one of \(known.joined(separator: ", ")), found '\(name)'\(hint)")
                    ok = false
                    continue
                }
                outcomes?.append(name)
            }
        } else if fields["outcomes"] != nil { ok = false }
        return ok ? (reportWeeks, outcomes) : nil
    }
}
