/// A condition or number in a rule table, parsed from text such as
/// `pain_after > 5 or next_morning_pain > baseline + 1`.
///
/// Grammar (lowest precedence first): `or`, `and`, `not`, comparison
/// (`< <= > >= == !=`), `+ -`, `* /`, then numbers, observation names and
/// parentheses. Conditions are numbers too: true is 1, false is 0.
public indirect enum RuleExpression: Equatable, Sendable {
    case number(Double)
    case observation(RuleObservation)
    case unary(UnaryOperator, RuleExpression)
    case binary(BinaryOperator, RuleExpression, RuleExpression)

    public enum UnaryOperator: String, Sendable { case not, minus = "-" }
    public enum BinaryOperator: String, Sendable {
        case or, and
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
        case plus = "+", minus = "-", times = "*", divided = "/"
    }

    func evaluate(_ inputs: RuleInputs) -> Double {
        switch self {
        case .number(let value): return value
        case .observation(let key): return inputs[key]
        case .unary(.not, let operand): return operand.evaluate(inputs) == 0 ? 1 : 0
        case .unary(.minus, let operand): return -operand.evaluate(inputs)
        case let .binary(op, lhs, rhs):
            let a = lhs.evaluate(inputs)
            switch op {
            case .or: return a != 0 || rhs.evaluate(inputs) != 0 ? 1 : 0
            case .and: return a != 0 && rhs.evaluate(inputs) != 0 ? 1 : 0
            default: break
            }
            let b = rhs.evaluate(inputs)
            switch op {
            case .less: return a < b ? 1 : 0
            case .lessOrEqual: return a <= b ? 1 : 0
            case .greater: return a > b ? 1 : 0
            case .greaterOrEqual: return a >= b ? 1 : 0
            case .equal: return a == b ? 1 : 0
            case .notEqual: return a != b ? 1 : 0
            case .plus: return a + b
            case .minus: return a - b
            case .times: return a * b
            case .divided: return b == 0 ? 0 : a / b
            case .or, .and: return 0
            }
        }
    }
}

/// What a rule does to next week's prescription.
public enum RuleAction: Equatable, Sendable {
    /// Keep the prescription.
    case hold
    /// Multiply a quantity by (1 + percent/100); `reduce` passes a negative percent.
    case scale(RuleQuantity, percent: Double)
    /// Add to a whole-number quantity (sessions, sets, reps).
    case add(RuleQuantity, Double)
    /// Set a quantity.
    case set(RuleQuantity, Double)
}

/// A prescription quantity a rule can change.
public enum RuleQuantity: String, CaseIterable, Sendable {
    /// Aerobic minutes and strength load together (like the built-in percentage policies).
    case dose
    case minutes, load, sessions, sets, reps, intensity, seconds

    /// Accepted values after a change; results are clamped into them.
    public var limits: ClosedRange<Double> {
        switch self {
        case .dose, .minutes: StartingDose.minimumMinutes...StartingDose.maximumMinutes
        case .load: StartingDose.minimumLoad...StartingDose.maximumLoad
        case .sessions: 0...7
        case .sets: 1...5
        case .reps: 1...30
        case .intensity: 1...10
        case .seconds: 5...120
        }
    }

    /// Whether `add` makes sense (whole-number quantities).
    public var isCount: Bool { [.sessions, .sets, .reps].contains(self) }
}
