import BackSimCore
import Foundation

/// The JSON Schema (draft 2020-12) of scenario files, built from the same
/// tables the validators use (traits, policies, parameters, metrics), so the
/// two cannot drift apart. The validators check more than a schema can
/// (consistency between fields, rule-table syntax); the schema is for editors.
public enum ScenarioSchema {
    public static var text: String {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static var document: [String: Any] {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://backsim.invalid/schema/scenario.json",
            "title": "BackSim scenario",
            "description": "A study question: who the people are, which exercise-progression policies to compare, for how long.",
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "description", "weeks", "cohort", "policies"],
            "properties": [
                "name": ["type": "string", "description": "short name, shown in outputs"],
                "description": ["type": "string", "description": "the question this scenario answers"],
                "sources": ["type": "array", "items": ["type": "string"], "description": "where the numbers come from"],
                "seed": ["type": "integer", "minimum": 0, "maximum": UInt64.max, "description": "random seed (default 1)"],
                "weeks": integer(1, SimulationPlan.maximumWeeks, "horizon in weeks after baseline"),
                "replications": integer(1, SimulationPlan.maximumReplications, "independent replications of the cohort (default 1)"),
                "cohort": [
                    "type": "object", "additionalProperties": false, "required": ["size", "profiles"],
                    "properties": [
                        "size": integer(1, SimulationPlan.maximumPersons, "simulated persons per replication"),
                        "criteria": [
                            "type": "object", "additionalProperties": false,
                            "description": "trial inclusion criteria: candidates are screened until size persons are enrolled",
                            "properties": [
                                "screening_pain": bounds(integer(0, 10, "bound on the screening report (NRS 0-10, inclusive)")),
                                "weeks_since_onset": bounds(number(0, 1_000_000, "bound on weeks since onset (inclusive)")),
                            ],
                        ],
                        "profiles": ["type": "array", "minItems": 1, "items": profile],
                    ],
                ],
                "policies": ["type": "array", "minItems": 1, "items": policy, "description": "policies to compare, each once"],
                "reference": ["type": "string", "description": "the policy others are compared with (default control when listed)"],
                "report": [
                    "type": "object", "additionalProperties": false,
                    "properties": [
                        "weeks": ["type": "array", "items": integer(0, SimulationPlan.maximumWeeks, "a week to show")],
                        "outcomes": ["type": "array", "items": ["enum": Metric.all.map(\.name)]],
                    ],
                ],
                "parameters": [
                    "type": "object", "additionalProperties": false,
                    "description": "model parameter overrides (see docs/model.md)",
                    "properties": Dictionary(uniqueKeysWithValues: ModelParameters.catalogue.map { spec in
                        (spec.name, number(spec.range.lowerBound, spec.range.upperBound, "\(spec.unit); default \(spec.defaultValue); \(spec.source)"))
                    }),
                ],
            ],
        ]
    }

    static func bounds(_ value: [String: Any]) -> [String: Any] {
        ["type": "object", "additionalProperties": false, "minProperties": 1, "properties": ["min": value, "max": value]]
    }

    static func integer(_ low: Int, _ high: Int, _ description: String) -> [String: Any] {
        ["type": "integer", "minimum": low, "maximum": high, "description": description]
    }

    static func number(_ low: Double, _ high: Double, _ description: String) -> [String: Any] {
        var schema: [String: Any] = ["type": "number", "description": description]
        if low.isFinite { schema["minimum"] = low }
        if high.isFinite { schema["maximum"] = high }
        return schema
    }

    static func distribution(_ range: ClosedRange<Double>, _ description: String) -> [String: Any] {
        let lo = range.lowerBound, hi = range.upperBound
        func bound(_ text: String) -> [String: Any] { number(lo, hi, text) }
        func shape(_ kind: String, required: [String], _ properties: [String: Any]) -> [String: Any] {
            var all = properties
            all["distribution"] = ["const": kind]
            return ["type": "object", "additionalProperties": false, "required": ["distribution"] + required, "properties": all]
        }
        return [
            "description": "\(description). A number (fixed) or a distribution.",
            "oneOf": [
                number(lo, hi, "fixed value"),
                shape("fixed", required: ["value"], ["value": bound("the value")]),
                shape("normal", required: ["mean", "sd"], [
                    "mean": bound("mean"), "sd": number(0, .infinity, "standard deviation"),
                    "min": bound("lower truncation bound (default: the trait's lowest value)"),
                    "max": bound("upper truncation bound (default: the trait's highest value)"),
                ]),
                shape("uniform", required: ["min", "max"], ["min": bound("lowest value"), "max": bound("highest value")]),
                shape("beta", required: ["a", "b"], [
                    "a": ["type": "number", "exclusiveMinimum": 0], "b": ["type": "number", "exclusiveMinimum": 0],
                    "min": bound("value at 0 (default: the trait's lowest)"), "max": bound("value at 1 (default: the trait's highest)"),
                ]),
                shape("lognormal", required: ["mu", "sigma"], [
                    "mu": number(-50, 50, "log-scale mean"), "sigma": number(0, 10, "log-scale SD"), "max": bound("cap"),
                ]),
            ],
        ]
    }

    static var profile: [String: Any] {
        let conditions = Condition.allCases.map(\.rawValue)
        var properties: [String: Any] = [
            "name": ["type": "string", "description": "profile name, unique in the cohort"],
            "weight": number(0, .infinity, "relative share of the cohort (default 1)"),
            "condition": [
                "description": "acute, persistent, chronic or post-surgical, or a categorical distribution over them",
                "oneOf": [
                    ["enum": conditions],
                    [
                        "type": "object", "additionalProperties": false, "required": ["distribution", "weights"],
                        "properties": [
                            "distribution": ["const": "categorical"],
                            "weights": [
                                "type": "object", "additionalProperties": false, "minProperties": 1,
                                "properties": Dictionary(uniqueKeysWithValues: conditions.map { ($0, number(0, .infinity, "weight")) }),
                            ],
                        ],
                    ],
                ],
            ],
            "supervised": number(0, 1, "probability that the programme is supervised (default 0.3)"),
        ]
        for trait in ProfileValidator.traits {
            properties[trait.key] = distribution(trait.range, "\(trait.key.replacingOccurrences(of: "_", with: " ")) (\(trait.unit))")
        }
        return [
            "type": "object", "additionalProperties": false, "required": ["name", "condition", "baseline_pain"],
            "properties": properties,
        ]
    }

    static var policy: [String: Any] {
        let rule: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["then"],
            "properties": [
                "if": ["type": "string", "description": "a condition over observations (\(RuleObservation.allCases.map(\.rawValue).joined(separator: ", "))); no 'if' means always"],
                "then": ["type": "string", "description": "actions separated by commas: hold; increase|reduce QUANTITY P%; add sessions|sets|reps N; set QUANTITY N (quantities: \(RuleQuantity.allCases.map(\.rawValue).joined(separator: ", ")))"],
            ],
        ]
        let start: [String: Any] = [
            "type": "object", "additionalProperties": false, "description": "starting dose (default: the seed guidance's, docs/evidence.md §6)",
            "properties": [
                "sessions": integer(0, 7, "sessions a week"), "minutes": number(0, StartingDose.maximumMinutes, "aerobic minutes"),
                "intensity": number(0, 10, "aerobic RPE"), "sets": integer(0, 5, "strength sets"), "reps": integer(0, 30, "reps per set"),
                "load": number(StartingDose.minimumLoad, StartingDose.maximumLoad, "strength load, 1 = starting load"),
                "holds": integer(0, 10, "stretch holds"), "seconds": number(0, 120, "seconds per hold"),
            ],
        ]
        let names = PolicyCatalogue.names.joined(separator: "|")
        return [
            "description": "a built-in policy (\(PolicyCatalogue.names.joined(separator: ", ")); 'name:value' for a parameter) or a rule table",
            "oneOf": [
                ["type": "string", "pattern": "^(\(names))(:[0-9]+(\\.[0-9]+)?|:[a-z]+)?$"],
                [
                    "type": "object", "additionalProperties": false, "required": ["name", "rules"],
                    "properties": [
                        "name": ["type": "string", "description": "label in outputs; not a built-in policy's name"],
                        "start": start,
                        "rules": ["type": "array", "minItems": 1, "items": rule],
                    ],
                ],
            ],
        ]
    }
}
