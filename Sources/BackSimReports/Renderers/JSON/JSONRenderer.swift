import BackSimCore
import Foundation

/// A JSON document with the run's metadata, every summary statistic and the
/// timing.
///
/// Contract: keys sorted, pretty-printed, a final newline; numbers in
/// shortest round-trip form; undefined statistics are `null`. For the same
/// inputs the output is byte-identical except inside the `timing` object
/// (which is why `threads` lives there). Layout:
///
///     { "cohort", "persons", "weeks", "replications", "seed",
///       "policies": [label, ...],
///       "results": [ { "policy", "metrics": { name: { "unit",
///           "weeks": [ { "week", "mean", "sd", "n", "ci_low", ... } ] } } } ],
///       "reference", "comparisons": [ { "policy", "reference", "outcome", "unit", "threshold",
///           "weeks": [ { "week", "mean_difference", "ci_low", "ci_high", "mcse", "standardised_effect",
///                        "passes_threshold", "n" } ] } ],
///       "survival": [ { "policy", "retention": [ { "week", "estimate", "ci_low", "ci_high", "at_risk" } ],
///                       "time_to_response_30": { "median", "ci_low", "ci_high" } } ],
///       "warnings": [ text ], "grouping", "groups": [ { "name", "results", "comparisons" } ],
///       "scenario": { "name", "origin", "content_hash", "parameters", "overridden_by_flags" },
///       "screening": { "screened", "enrolled", "mean_screening_pain" } (only with enrolment criteria),
///       "timing": { "wall_seconds", "person_weeks", "person_weeks_per_second", "threads" },
///       "tool": { "name", "version", "model_version", "random_stream_version" } }
public enum JSONRenderer {
    /// The JSON document of a run (`--format json`), with sorted keys.
    public static func render(
        _ result: SimulationResult, timing: RunTiming, provenance: Provenance? = nil, reference: String? = nil
    ) throws(JSONRenderError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(JSONDocument(result, timing: timing, provenance: provenance, reference: reference))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw JSONRenderError(reason: String(describing: error))
        }
    }
}

/// The encoder refused the document (only possible with a non-finite number,
/// which summaries rule out).
public struct JSONRenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the encoder said.
    public let reason: String
    public var description: String { "cannot encode JSON: \(reason)" }
}
