/// A condition or number in a rule table, parsed from text such as
/// `pain_after > 5 or next_morning_pain > baseline + 1`.
///
/// Grammar (lowest precedence first): `or`, `and`, `not`, comparison
/// (`< <= > >= == !=`), `+ -`, `* /`, then numbers, observation names and
/// parentheses. Conditions are numbers too: true is 1, false is 0.
public indirect enum RuleExpression: Equatable, Sendable {
    /// A number as written.
    case number(Double)
    /// This week's value of an observation (``RuleObservation``).
    case observation(RuleObservation)
    /// `not x` (1 if x is 0, else 0) or `-x`.
    case unary(UnaryOperator, RuleExpression)
    /// `x op y`; comparisons and `and`/`or` give 1 or 0, `/` by 0 gives 0.
    case binary(BinaryOperator, RuleExpression, RuleExpression)

    /// A prefix operator; `rawValue` is its text.
    public enum UnaryOperator: String, Sendable {
        /// `not`: 1 if the operand is 0, else 0.
        case not
        /// `-`: negation.
        case minus = "-"
    }

    /// An infix operator; `rawValue` is its text.
    public enum BinaryOperator: String, Sendable {
        /// `or`: 1 if either side is non-zero (the right side is not evaluated if the left is).
        case or
        /// `and`: 1 if both sides are non-zero (the right side is not evaluated if the left is 0).
        case and
        /// `<`
        case less = "<"
        /// `<=`
        case lessOrEqual = "<="
        /// `>`
        case greater = ">"
        /// `>=`
        case greaterOrEqual = ">="
        /// `==`
        case equal = "=="
        /// `!=`
        case notEqual = "!="
        /// `+`
        case plus = "+"
        /// `-`
        case minus = "-"
        /// `*`
        case times = "*"
        /// `/`; division by zero gives 0.
        case divided = "/"
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
    /// Aerobic minutes per session.
    case minutes
    /// Strength load (1 = the starting load).
    case load
    /// Sessions a week.
    case sessions
    /// Strength sets.
    case sets
    /// Target reps per set.
    case reps
    /// Aerobic intensity, session RPE 0-10.
    case intensity
    /// Seconds per stretching hold.
    case seconds

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
