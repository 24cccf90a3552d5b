/// A policy written as ordered rules over observations, without Swift:
///
///     - if: pain_after > 5 or next_morning_pain > baseline + 1
///       then: reduce load 20%
///     - if: sessions_done == sessions_prescribed
///       then: increase minutes 10%
///
/// Each week the first rule whose condition holds (a rule without one always
/// holds) applies its actions to the current prescription; if none holds,
/// the prescription is kept. Changed quantities are clamped to
/// ``RuleQuantity/limits``. Same contract as every policy: observations only,
/// no allocation, no randomness.
public struct RuleTablePolicy: ProgressionPolicy {
    /// One rule: when `condition` holds, apply `actions` in order.
    public struct Rule: Equatable, Sendable {
        /// nil: always applies.
        public let condition: RuleExpression?
        /// Applied in order to the current prescription.
        public let actions: [RuleAction]
        /// The rule as written, for traces.
        public let text: String

        /// A rule as parsed from `text`.
        public init(condition: RuleExpression?, actions: [RuleAction], text: String) {
            self.condition = condition
            self.actions = actions
            self.text = text
        }
    }

    public let label: String
    /// Week 1's prescription, changed by the rules from then on.
    public let startingDose: Prescription
    /// The rules, first match wins.
    public let rules: [Rule]

    /// A rule table under `label` starting from `startingDose`.
    public init(label: String, startingDose: Prescription = StartingDose.seedDocument, rules: [Rule]) {
        self.label = label
        self.startingDose = startingDose
        self.rules = rules
    }

    public struct State: Sendable, Codable {
        var dose: Prescription
        var lastPain: Int
    }

    public func start(_ baseline: BaselineObservation) -> (State, PolicyDecision) {
        (State(dose: startingDose, lastPain: baseline.painReport), PolicyDecision(startingDose, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state: inout State) -> PolicyDecision {
        let inputs = RuleInputs(week: week, lastPain: state.lastPain)
        state.lastPain = week.painReport
        for index in rules.indices {
            let rule = rules[index]
            if let condition = rule.condition, condition.evaluate(inputs) == 0 { continue }
            // By index: a for-in over the array allocates in unoptimised builds.
            for action in rule.actions.indices { state.dose.apply(rule.actions[action]) }
            return PolicyDecision(state.dose, reason: "rule", rule: index)
        }
        return PolicyDecision(state.dose, reason: "no rule applies: hold")
    }
}

extension Prescription {
    /// Applies one rule-table action.
    mutating func apply(_ action: RuleAction) {
        switch action {
        case .hold:
            return
        case let .scale(.dose, percent):
            self = scaled(by: 1 + percent / 100)
        case let .scale(quantity, percent):
            update(quantity) { $0 * (1 + percent / 100) }
        case let .add(quantity, amount):
            update(quantity) { $0 + amount }
        case let .set(quantity, value):
            update(quantity) { _ in value }
        }
    }

    private mutating func update(_ quantity: RuleQuantity, _ change: (Double) -> Double) {
        let limits = quantity.limits
        func clamp(_ x: Double) -> Double { min(max(x, limits.lowerBound), limits.upperBound) }
        func whole(_ x: Double) -> Int { Int(clamp(x.rounded())) }
        switch quantity {
        case .dose: self = scaled(by: change(1))
        case .minutes: aerobic.minutes = clamp(change(aerobic.minutes))
        case .load: if !strength.isEmpty { strength.load = clamp(change(strength.load)) }
        case .sessions: sessionsPerWeek = whole(change(Double(sessionsPerWeek)))
        case .sets: if !strength.isEmpty { strength.sets = whole(change(Double(strength.sets))) }
        case .reps: if !strength.isEmpty { strength.reps = whole(change(Double(strength.reps))) }
        case .intensity: aerobic.intensity = clamp(change(aerobic.intensity))
        case .seconds: if !stretching.isEmpty { stretching.seconds = clamp(change(stretching.seconds)) }
        }
    }
}
