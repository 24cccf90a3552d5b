import BackSimCore
import BackSimScenario
import Foundation
import Testing

/// No scenario field may be accepted and ignored. The test walks the JSON
/// Schema (`backsim schema`) and, for every field in it, either changes the
/// field in a small scenario and shows that `compare`'s CSV or table output
/// changes, or finds the field among the documented metadata. A field added
/// to the schema without either fails here by name.
@Suite struct SchemaFieldEffectTests {
    /// Fields that describe a scenario without changing any figure
    /// (docs/scenarios.md says so): they are shown in JSON provenance or as labels.
    static let metadata: Set<String> = [
        "name", "description", "sources", "cohort.profiles[].name", "policies[].name",
    ]

    /// Every field path of the schema: `a.b`, `a[]` for list items,
    /// `trait{normal}.mean` for a distribution's parameters, `parameters.*`
    /// for the model parameters.
    static let fields: [String] = {
        let schema = try! JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as! [String: Any]
        var paths: [String] = []
        func walk(_ node: [String: Any], _ path: String) {
            for alternative in node["oneOf"] as? [[String: Any]] ?? [] {
                let kind = ((alternative["properties"] as? [String: Any])?["distribution"] as? [String: Any])?["const"] as? String
                walk(alternative, path + (kind.map { "{\($0)}" } ?? ""))
            }
            for (key, value) in node["properties"] as? [String: Any] ?? [:] {
                let child = path.isEmpty ? key : path + "." + key
                if path == "parameters" { paths.append("parameters.*"); continue }
                if key != "distribution" { paths.append(child) }
                if let value = value as? [String: Any] { walk(value, child) }
            }
            if let items = node["items"] as? [String: Any] { walk(items, path + "[]") }
        }
        walk(schema, "")
        return Array(Set(paths)).sorted()
    }()

    @Test func theWalkFindsTheFieldsOfEveryPart() {
        for expected in ["seed", "cohort.profiles[].baseline_pain{normal}.sd", "policies[].rules[].if", "report.outcomes", "parameters.*"] {
            #expect(Self.fields.contains(expected), "\(expected)")
        }
        #expect(Self.fields.count > 100)
    }

    /// Every field either changes an output or is documented metadata
    /// (`report.outcomes` included: it selects what the table shows).
    @Test func everyFieldChangesSomethingOrIsMetadata() throws {
        // Model parameters: everyModelParameterReachesThePlan, one by one.
        for field in Self.fields where !Self.metadata.contains(field) && field != "parameters.*" {
            try expectEffect(field)
        }
    }

    /// Each model parameter the schema lists reaches the plan the engine
    /// runs (how the engine uses each is docs/model.md's subject, checked
    /// against the same catalogue by ModelDocumentationTests).
    @Test func everyModelParameterReachesThePlan() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as? [String: Any])
        let parameters = ((schema["properties"] as? [String: Any])?["parameters"] as? [String: Any])?["properties"] as? [String: Any]
        let names = try #require(parameters).keys.sorted()
        #expect(names == ModelParameters.catalogue.map(\.name).sorted())
        let defaults = try ScenarioLoader.parse(yaml: Self.base, file: "base.yaml").plan(threads: 1).parameters
        for name in names {
            let spec = try #require(ModelParameters.catalogue.first { $0.name == name })
            let value = spec.defaultValue == spec.range.upperBound ? spec.range.lowerBound : spec.range.upperBound
            let yaml = Self.base + "parameters:\n  \(spec.name): \(value)\n"
            let plan = try ScenarioLoader.parse(yaml: yaml, file: "p.yaml").plan(threads: 1)
            #expect(plan.parameters != defaults, "parameters.\(spec.name) does not reach the plan")
            #expect(plan.parameters[keyPath: spec.keyPath] == value)
        }
    }

    // MARK: Changing one field

    static let base = """
        name: walk
        description: the base of the schema walk
        sources: ["none"]
        seed: 5
        weeks: 6
        replications: 1
        cohort:
          size: 60
          profiles:
            - name: first
              condition: persistent
              baseline_pain: 6
            - name: second
              condition: chronic
              baseline_pain: 4
        policies:
          - control
          - guideline
          - name: table
            start: {sessions: 3, minutes: 15, intensity: 5, sets: 2, reps: 8, load: 1, holds: 2, seconds: 20}
            rules:
              - if: pain_after <= 4
                then: increase dose 20%
              - then: hold
        reference: control
        report:
          weeks: [0, 6]
          outcomes: [pain]

        """

    /// The output a change may show in: CSV (every figure), or for the
    /// report's settings and the reference, the table (what they select).
    func outputs(_ yaml: String, format: String) throws -> String {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/s.yaml"
        try yaml.write(toFile: path, atomically: false, encoding: .utf8)
        return try InProcess.output(["compare", path, "--format", format, "--threads", "1"])
    }

    func expectEffect(_ field: String) throws {
        let (before, after) = try #require(Self.variants(of: field), "\(field): neither shown to change something nor documented as metadata; add it to SchemaFieldEffectTests")
        do {
            let format = field.hasPrefix("report") || field == "reference" ? "table" : "csv"
            let old = try outputs(before, format: format), new = try outputs(after, format: format)
            #expect(old != new, "\(field): accepted, but changing it changes no output")
        } catch {
            Issue.record("\(field): \(error)")
        }
    }

    /// Two scenarios that differ in `field` only.
    static func variants(of field: String) -> (String, String)? {
        func swap(_ old: String, _ new: String) -> (String, String) {
            precondition(base.contains(old), old)
            return (base, base.replacingOccurrences(of: old, with: new))
        }
        switch field {
        case "seed": return swap("seed: 5", "seed: 6")
        case "weeks": return swap("weeks: 6\n", "weeks: 7\n")
        case "replications": return swap("replications: 1", "replications: 2")
        case "cohort", "cohort.size": return swap("size: 60", "size: 50")
        case "cohort.profiles": return swap("    - name: second\n      condition: chronic\n      baseline_pain: 4\n", "")
        case "cohort.profiles[].weight": return swap("condition: chronic\n", "condition: chronic\n      weight: 4\n")
        case "cohort.profiles[].supervised": return swap("condition: chronic\n", "condition: chronic\n      supervised: 1\n")
        case "cohort.profiles[].condition": return swap("condition: chronic", "condition: acute")
        case "policies", "policies[]": return swap("  - guideline\n", "  - fixed\n")
        case "policies[].rules", "policies[].rules[].then": return swap("then: increase dose 20%", "then: reduce dose 20%")
        case "policies[].rules[].if": return swap("if: pain_after <= 4", "if: pain_after <= 1")
        case "policies[].start": return swap("start: {sessions: 3, minutes: 15, intensity: 5, sets: 2, reps: 8, load: 1, holds: 2, seconds: 20}", "start: {sessions: 2}")
        case "cohort.criteria":
            return swap("size: 60\n", "size: 60\n  criteria:\n    screening_pain: {min: 5}\n")
        case _ where field.hasPrefix("cohort.criteria."):
            return criteriaVariants(String(field.dropFirst("cohort.criteria.".count)))
        case "reference": return swap("reference: control", "reference: guideline")
        case "parameters": return swap("reference: control\n", "reference: control\nparameters: {pain.daily_sd: 1.5}\n")
        case "report", "report.weeks": return swap("weeks: [0, 6]", "weeks: [0, 3, 6]")
        case "report.outcomes": return swap("outcomes: [pain]", "outcomes: [pain, referrals]")
        default: break
        }
        if field.hasPrefix("policies[].start.") {
            let key = String(field.dropFirst("policies[].start.".count))
            let changed = ["sessions": "sessions: 4", "minutes": "minutes: 25", "intensity": "intensity: 7", "sets": "sets: 3",
                           "reps": "reps: 12", "load": "load: 1.5", "holds": "holds: 4", "seconds": "seconds: 40"]
            let original = ["sessions": "sessions: 3", "minutes": "minutes: 15", "intensity": "intensity: 5", "sets": "sets: 2",
                            "reps": "reps: 8", "load": "load: 1", "holds": "holds: 2", "seconds": "seconds: 20"]
            guard let old = original[key], let new = changed[key] else { return nil }
            return swap(old, new)
        }
        if field.hasPrefix("cohort.profiles[].") {
            return traitVariants(String(field.dropFirst("cohort.profiles[].".count)))
        }
        return nil
    }

    /// Enrolment criteria (model 2) with one bound changed.
    static func criteriaVariants(_ field: String) -> (String, String)? {
        let bounds = ["screening_pain": "{min: 2, max: 9}", "weeks_since_onset": "{min: 0, max: 1000}"]
        let changed = ["screening_pain": "{min: 5}", "screening_pain.min": "{min: 5, max: 9}", "screening_pain.max": "{min: 2, max: 5}",
                       "weeks_since_onset": "{min: 20}", "weeks_since_onset.min": "{min: 20, max: 1000}",
                       "weeks_since_onset.max": "{min: 0, max: 20}"]
        func criteria(_ values: [String: String]) -> String {
            "size: 60\n  criteria:\n" + values.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value)\n" }.joined()
        }
        guard let new = changed[field] else { return nil }
        var after = bounds
        after[String(field.prefix { $0 != "." })] = new
        // Onsets on both sides of the changed bounds (20 weeks), in the second profile.
        let spread = base.replacingOccurrences(
            of: "condition: chronic\n", with: "condition: chronic\n      weeks_since_onset: {distribution: uniform, min: 2, max: 40}\n")
        return (spread.replacingOccurrences(of: "size: 60\n", with: criteria(bounds)),
                spread.replacingOccurrences(of: "size: 60\n", with: criteria(after)))
    }

    /// The trait range from the schema ("fixed value" alternative).
    static func range(of trait: String) -> ClosedRange<Double>? {
        let schema = try! JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as! [String: Any]
        let profiles = ((schema["properties"] as? [String: Any])?["cohort"] as? [String: Any])?["properties"] as? [String: Any]
        let item = (profiles?["profiles"] as? [String: Any])?["items"] as? [String: Any]
        let node = (item?["properties"] as? [String: Any])?[trait] as? [String: Any]
        guard let fixed = (node?["oneOf"] as? [[String: Any]])?.first,
              let low = fixed["minimum"] as? Double, let high = fixed["maximum"] as? Double else { return nil }
        return low...high
    }

    /// A trait of the first profile written two ways: `trait`,
    /// `trait{kind}` (the distribution itself) or `trait{kind}.parameter`.
    static func traitVariants(_ field: String) -> (String, String)? {
        if field.hasPrefix("condition{categorical}") {
            let weights = "{acute: 1, persistent: 1, chronic: 1, post-surgical: 1}"
            let before = "{distribution: categorical, weights: \(weights)}"
            guard let name = field.split(separator: ".").last.map(String.init), field.hasSuffix(name), name != "condition{categorical}" else {
                return (base, base.replacingOccurrences(of: "condition: persistent", with: "condition: \(before)"))
            }
            let key = name == "weights" ? "chronic" : name
            let after = before.replacingOccurrences(of: "\(key): 1", with: "\(key): 20")
            return (base.replacingOccurrences(of: "condition: persistent", with: "condition: \(before)"),
                    base.replacingOccurrences(of: "condition: persistent", with: "condition: \(after)"))
        }
        let trait = String(field.prefix { $0 != "{" && $0 != "." })
        // A clearance week must fall within the horizon, and only matters
        // after surgery; the course from onset is flat after a year or two.
        let known: [String: ClosedRange<Double>] = ["clearance_week": 0...6, "weeks_since_onset": 0...26]
        guard let range = known[trait] ?? range(of: trait) else { return nil }
        let (low, width) = (range.lowerBound, range.upperBound - range.lowerBound)
        func at(_ share: Double) -> String {
            let value = low + share * width
            return String(width >= 20 ? value.rounded() : value)
        }
        func line(_ value: String) -> String { "      \(trait): \(value)\n" }
        let old = "condition: persistent\n" + (trait == "baseline_pain" ? "      baseline_pain: 6\n" : "")
        let anchor = trait == "clearance_week" ? "condition: post-surgical\n" : "condition: persistent\n"
        func variant(_ before: String, _ after: String) -> (String, String) {
            (base.replacingOccurrences(of: old, with: anchor + line(before)),
             base.replacingOccurrences(of: old, with: anchor + line(after)))
        }
        let kind = field.firstIndex(of: "{").map { String(field[field.index(after: $0)...].prefix { $0 != "}" }) }
        let parameter = field.contains("}.") ? String(field[field.index(after: field.lastIndex(of: ".")!)...]) : nil
        guard let kind else { return variant(at(0.2), at(0.8)) }
        var values: [String: String]
        var changed: [String: String]
        switch kind {
        case "fixed":
            values = ["value": at(0.2)]; changed = ["value": at(0.8)]
        case "normal":
            values = ["mean": at(0.5), "sd": String(width >= 20 ? (0.3 * width).rounded() : 0.3 * width), "min": at(0), "max": at(1)]
            changed = ["mean": at(0.9), "sd": "0", "min": at(0.7), "max": at(0.3)]
        case "uniform":
            values = ["min": at(0.1), "max": at(0.9)]; changed = ["min": at(0.6), "max": at(0.3)]
        case "beta":
            values = ["a": "2", "b": "2", "min": at(0), "max": at(1)]
            changed = ["a": "20", "b": "20", "min": at(0.6), "max": at(0.4)]
        case "lognormal":
            values = ["mu": String(log(max(0.3 * width, 1))), "sigma": "0.5", "max": at(1)]
            changed = ["mu": String(log(max(0.05 * width, 0.5))), "sigma": "0", "max": at(0.3)]
        default:
            return nil
        }
        func text(_ values: [String: String]) -> String {
            "{distribution: \(kind), " + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
        guard let parameter else { return variant(at(0.5), text(values)) }
        guard let new = changed[parameter] else { return nil }
        var after = values
        after[parameter] = new
        return variant(text(values), text(after))
    }
}
