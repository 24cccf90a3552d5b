import BackSimCore
import Foundation

/// The JSON Schema (draft 2020-12) of evidence target files, built from the
/// same tables the loader uses (outcomes, units, the keys each outcome
/// takes), for editors. The loader checks more than a schema can (a value
/// inside its interval, arms that differ, a rule's months inside its
/// window); `docs/calibration.md` §2 has the format.
public enum TargetSchema {
    public static var text: String {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static var document: [String: Any] {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://backsim.invalid/schema/evidence-targets.json",
            "title": "BackSim evidence targets",
            "description": "Published figures the model is checked against (backsim evidence) and fitted to (backsim calibrate).",
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "description", "targets"],
            "properties": [
                "name": ["type": "string"],
                "description": ["type": "string"],
                "persons": integer(1, SimulationPlan.maximumPersons, "persons per run (default: the cohort scenario's size)"),
                "seed": ["type": "integer", "minimum": 0, "maximum": UInt64.max, "description": "seed (default: the cohort scenario's)"],
                "targets": ["type": "array", "minItems": 1, "items": target],
            ],
        ]
    }

    static var target: [String: Any] {
        let week = integer(0, SimulationPlan.maximumWeeks, "the week (0 = baseline)")
        var requirements: [[String: Any]] = [
            ["oneOf": [["required": ["interval"]], ["required": ["range"]]]],
            ["not": ["required": ["week", "weeks"]]],
        ]
        // Each distribution outcome's own keys are required with it and refused elsewhere.
        for outcome in EvidenceOutcome.allCases {
            let own = TargetFileValidator.definitionKeys.filter { $0.outcomes.contains(outcome) }.map(\.key)
                .filter { $0 != "entry_week" && $0 != "month_weeks" }
            let required: [String] = switch outcome {
            case .standardisedDifference: own + ["versus", "week"]
            case .painAtMost: own + ["week"]
            case .cumulativeShare, .timeToRecovery: own
            case .monthlyPattern: own + ["weeks"]
            default: []
            }
            var refused = TargetFileValidator.definitionKeys.filter { !$0.outcomes.contains(outcome) }.map(\.key)
            switch outcome {
            case .cumulativeShare, .timeToRecovery: refused += ["week", "weeks"]
            case .monthlyPattern: refused += ["week"]
            case .standardisedDifference, .painAtMost: refused += ["weeks"]
            default: break
            }
            var then: [String: Any] = ["properties": Dictionary(uniqueKeysWithValues: refused.map { ($0, false as Any) })]
            if !required.isEmpty { then["required"] = required }
            if outcome.isMean { then["anyOf"] = [["required": ["week"]], ["required": ["weeks"]]] }
            then["properties"] = (then["properties"] as! [String: Any]).merging(
                ["unit": ["enum": outcome.units.map(\.rawValue)]]) { $1 }
            requirements.append(["if": ["properties": ["outcome": ["const": outcome.rawValue]]], "then": then])
        }
        return [
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "cohort", "policy", "outcome", "source"],
            "allOf": requirements,
            "properties": [
                "name": ["type": "string", "pattern": "^\\S+$", "description": "unique across the files checked together"],
                "cohort": ["type": "string", "description": "a built-in cohort or a scenario file (relative to this file)"],
                "policy": ["type": "string"],
                "versus": ["type": "string", "description": "the reference arm: the value is policy − versus, on the same persons"],
                "outcome": ["enum": EvidenceOutcome.allCases.map(\.rawValue)],
                "unit": ["enum": EvidenceUnit.allCases.map(\.rawValue)],
                "week": week,
                "weeks": pair(week, "[from, to]: the mean of those weeks (monthly_pattern: the window)"),
                "value": ["type": "number"],
                "interval": pair(["type": "number"], "[low, high]: a 95% CI"),
                "range": pair(["type": "number"], "[low, high]: a reported range"),
                "source": ["type": "string", "minLength": 1],
                "gating": ["type": "boolean"],
                "reason": ["type": "string", "minLength": 1],
                "of": ["enum": ["pain", "disability"], "description": "standardised_difference: the outcome standardised"],
                "level": integer(0, 10, "share_pain_at_most: the pain level (NRS)"),
                "state": [
                    "type": "object", "additionalProperties": false,
                    "oneOf": [["required": ["pain_at_most"]], ["required": ["improvement_at_least"]]],
                    "properties": [
                        "pain_at_most": integer(0, 10, "report ≤ this level (0 = pain-free)"),
                        "improvement_at_least": integer(1, 100, "percent below the baseline report"),
                        "weeks_in_a_row": integer(1, 52, "weeks the criterion must hold (default 1)"),
                    ],
                ],
                "time_zero": ["type": "string", "minLength": 1, "description": "what follow-up times count from"],
                "entry_week": integer(0, SimulationPlan.maximumWeeks, "weeks from the time zero to the cohort's week 0 (default 0)"),
                "follow_up": integer(1, 2 * SimulationPlan.maximumWeeks, "weeks from the time zero"),
                "month_weeks": integer(1, 13, "weeks in a month (default 4)"),
                "rule": [
                    "type": "array", "minItems": 1,
                    "items": [
                        "type": "object", "additionalProperties": false, "required": ["months"],
                        "minProperties": 2, "maxProperties": 2,
                        "properties": Dictionary(uniqueKeysWithValues: [("months", pair(integer(1, 1000, "a month of the window"), "[from, to]"))]
                            + MonthlyRule.Condition.Quantifier.allCases.flatMap { quantifier in
                                MonthlyRule.Condition.Comparison.allCases.map { comparison -> (String, Any) in
                                    ("\(quantifier.rawValue)_\(comparison.rawValue)", ["type": "number", "minimum": 0, "maximum": 10])
                                }
                            }),
                    ],
                ],
            ],
        ]
    }

    static func integer(_ low: Int, _ high: Int, _ description: String) -> [String: Any] {
        ["type": "integer", "minimum": low, "maximum": high, "description": description]
    }

    static func pair(_ item: [String: Any], _ description: String) -> [String: Any] {
        ["type": "array", "items": item, "minItems": 2, "maxItems": 2, "description": description]
    }
}
