import BackSimCore
import Yams

/// Reads `parameters:`: model parameter overrides by catalogue name.
struct ParametersValidator {
    let reader: NodeReader

    func read(_ node: Node, _ path: FieldPath) -> (ModelParameters, [Scenario.ParameterOverride])? {
        let names = ModelParameters.catalogue.map(\.name)
        guard let fields = reader.mapping(node, path, allowed: names) else { return nil }
        var parameters = ModelParameters.defaults
        var overrides: [Scenario.ParameterOverride] = []
        var ok = true
        let ordered = fields.keys.sorted { ($0.value.mark?.line ?? 0) < ($1.value.mark?.line ?? 0) }
        for (name, _) in ordered {
            guard let spec = ModelParameters.spec(named: name), let valueNode = fields[name] else { continue }
            let what = "a number from \(spec.range.lowerBound.text) to \(spec.range.upperBound.text) (\(spec.unit))"
            guard let value = reader.number(valueNode, path.key(name), in: spec.range, what: what) else { ok = false; continue }
            parameters[keyPath: spec.keyPath] = value
            overrides.append(.init(name: name, value: value))
        }
        return ok ? (parameters, overrides) : nil
    }
}
