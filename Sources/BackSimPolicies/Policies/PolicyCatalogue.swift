/// The built-in policies, looked up by the text users write (`percent:20`).
public enum PolicyCatalogue {
    /// A built-in policy as listed by `backsim policies`.
    public struct Entry: Sendable {
        /// The name users write (`percent`).
        public let name: String
        /// What the optional `:value` means, or nil if the policy takes none.
        public let parameter: String?
        /// The parameter's value when none is written.
        public let defaultValue: Double?
        /// Accepted values of the parameter.
        public let range: ClosedRange<Double>?
        /// For a parameter that names one of a few choices (e.g. a definition):
        /// the choices, the first being the default; `make` receives its index.
        public var choices: [String]? = nil
        /// One line on what the policy does.
        public let summary: String
        /// Where its rule comes from.
        public let source: String
        /// The parameter is a count or a whole NRS value.
        var isWholeNumber: Bool { ["graded-activity", "pain-contingent", "pain-monitoring"].contains(name) }
        let make: @Sendable (_ value: Double?, _ label: String) -> any ProgressionPolicy
    }

    /// Every built-in policy, in the order `backsim policies` lists them.
    public static let entries: [Entry] = [
        Entry(
            name: "control", parameter: nil, defaultValue: nil, range: nil,
            summary: "No exercise programme: the natural course (usual care).",
            source: "Costa 2012 natural history (docs/evidence.md §1)", make: { _, _ in ControlPolicy() }),
        Entry(
            name: "fixed", parameter: nil, defaultValue: nil, range: nil,
            summary: "The starting dose (3 × 12 min walking, 1 × 8 reps, stretches), never progressed.",
            source: "seed guidance: start slowly (docs/evidence.md §6)", make: { _, label in FixedPolicy(label: label) }),
        Entry(
            name: "percent", parameter: "weekly increase, %", defaultValue: 10, range: 1...100,
            summary: "Raise minutes and load by P% every week whatever happens.",
            source: "Buist 2008 (10% rule); Nielsen 2014 (>30%/week) (docs/evidence.md §5)",
            make: { value, label in PercentPolicy(percent: value ?? 10, label: label) }),
        Entry(
            name: "graded-activity", parameter: "week the quota reaches its target", defaultValue: 8, range: 2...52,
            summary: "Time-contingent quotas from 70% of a baseline week, rising linearly; pain does not alter them.",
            source: "Lindström 1992 (docs/evidence.md §5)",
            make: { value, label in GradedActivityPolicy(targetWeek: Int(value ?? 8), label: label) }),
        Entry(
            name: "pain-contingent", parameter: "pain threshold, NRS", defaultValue: 4, range: 0...10,
            summary: "Progress 10% while pain stays at or under the threshold; regress 10% above it.",
            source: "Macedo 2010 (docs/evidence.md §2, §5)",
            make: { value, label in PainContingentPolicy(threshold: Int(value ?? 4), label: label) }),
        Entry(
            name: "pain-monitoring", parameter: "pain allowed during and after, NRS", defaultValue: 5, range: 0...10,
            summary: "Increase while pain ≤ limit, settled next morning and not rising week to week; else hold or reduce.",
            source: "Silbernagel 2007; exact thresholds unverified, assumed (docs/evidence.md §5)",
            make: { value, label in PainMonitoringPolicy(allowedPain: Int(value ?? 5), label: label) }),
        Entry(
            name: "double-progression", parameter: "load increase, %", defaultValue: 5, range: 2...10,
            summary: "Strength: add a rep when all sets reach target; add load when all reach 12, reps back to 8.",
            source: "ACSM 2009 (Ratamess, MSSE 41:687) (docs/evidence.md §5)",
            make: { value, label in DoubleProgressionPolicy(increment: value ?? 5, label: label) }),
        Entry(
            name: "acwr-band", parameter: "acute:chronic ratio definition", defaultValue: nil, range: nil,
            choices: ACWRDefinition.allCases.reversed().map(\.rawValue),
            summary: "Keep the acute:chronic workload ratio in 0.8-1.3: −10% above, +10% below, +5% inside.",
            source: "Gabbett 2016; Williams 2017 (EWMA); Lolli 2019 (coupling) (docs/evidence.md §5)",
            make: { value, label in
                ACWRBandPolicy(definition: Array(ACWRDefinition.allCases.reversed())[Int(value ?? 0)], label: label)
            }),
        Entry(
            name: "fitness-fatigue", parameter: "lowest relative form, %", defaultValue: 30, range: 5...100,
            summary: "Banister from observed load (τ 42/7 d): +10% while form ≥ −B% of fitness, else −10%.",
            source: "Banister model; TrainingPeaks PMC convention; Hellard 2006 (docs/evidence.md §5)",
            make: { value, label in FitnessFatiguePolicy(lowerBoundPercent: value ?? 30, label: label) }),
        Entry(
            name: "rpe", parameter: "target session RPE", defaultValue: 6.5, range: 3...9,
            summary: "Autoregulate by reported effort: ±10% to keep session RPE within target ± 0.5 (default 6-7).",
            source: "RPE autoregulation (Foster 2001 session RPE) (docs/evidence.md §8)",
            make: { value, label in RPEPolicy(target: value ?? 6.5, label: label) }),
        Entry(
            name: "guideline", parameter: nil, defaultValue: nil, range: nil,
            summary: "The seed guidance's programme: 10-15 min rising to 30, 3-5 sessions, 1-2 × 8-10 reps, reduce on discomfort.",
            source: "seed guidance (docs/evidence.md §6)", make: { _, label in GuidelinePolicy(label: label) }),
    ]

    /// The built-in policies' names.
    public static var names: [String] { entries.map(\.name) }

    /// Every built-in policy, parameterised ones at their default value
    /// (`percent:10`): what `compare` runs when no policies are given.
    public static var defaultLabels: [String] {
        entries.map { entry in
            if let choice = entry.choices?.first { return "\(entry.name):\(choice)" }
            return entry.defaultValue.map { "\(entry.name):\($0.compactText)" } ?? entry.name
        }
    }

    /// Parses `name` or `name:value`.
    public static func policy(_ text: String) throws(PolicyLookupError) -> any ProgressionPolicy {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownPolicy(text, known: names)
        }
        guard parts.count == 2 else { return entry.make(nil, text) }
        if let choices = entry.choices, let parameter = entry.parameter {
            guard let index = choices.firstIndex(of: String(parts[1])) else {
                throw .badChoice(text, parameter: parameter, choices: choices)
            }
            return entry.make(Double(index), text)
        }
        guard let parameter = entry.parameter, let range = entry.range else {
            throw .unexpectedValue(text, policy: name)
        }
        guard let value = Double(parts[1]), range.contains(value) else {
            throw .badValue(text, parameter: parameter, range: range)
        }
        if entry.isWholeNumber && value != value.rounded() {
            throw .badValue(text, parameter: parameter, range: range)
        }
        return entry.make(value, text)
    }
}

/// A policy name that does not resolve.
public enum PolicyLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No built-in policy has this name; `known` lists them.
    case unknownPolicy(String, known: [String])
    /// A `:value` was written for a policy that takes none.
    case unexpectedValue(String, policy: String)
    /// The value is not a number in the parameter's range (or not whole where it must be).
    case badValue(String, parameter: String, range: ClosedRange<Double>)
    /// The value is not one of the parameter's choices.
    case badChoice(String, parameter: String, choices: [String])

    public var description: String {
        switch self {
        case let .unknownPolicy(text, known):
            "unknown policy '\(text)'; known policies: \(known.joined(separator: ", "))"
        case let .unexpectedValue(text, policy):
            "policy '\(policy)' takes no value, found '\(text)'; write '\(policy)'"
        case let .badValue(text, parameter, range):
            "'\(text)': \(parameter) must be a number from \(range.lowerBound.compactText) to \(range.upperBound.compactText)"
        case let .badChoice(text, parameter, choices):
            "'\(text)': \(parameter) must be one of \(choices.joined(separator: ", "))"
        }
    }
}

extension Double {
    /// `10` rather than `10.0` for whole numbers.
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
