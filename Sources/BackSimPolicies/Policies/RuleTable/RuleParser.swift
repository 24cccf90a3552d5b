/// Parses rule-table conditions and actions (see ``RuleExpression`` and
/// ``RuleAction`` for the grammar; `docs/scenarios.md` for the vocabulary).
public enum RuleParser {
    /// Longest condition accepted, in characters. Every binary operator takes
    /// at least two characters, so no expression tree, and no evaluation of
    /// one, is more than half this deep.
    public static let maximumConditionLength = 1_000
    /// Most parentheses, `not`s and unary minuses open at once.
    public static let maximumNesting = 32

    // MARK: Conditions

    /// Parses a rule's condition (`pain_after > 5 or effort >= 8`).
    public static func condition(_ text: String) throws(RuleTextError) -> RuleExpression {
        guard text.count <= maximumConditionLength else {
            throw RuleTextError(offset: maximumConditionLength,
                                message: "the condition is \(text.count) characters long; a condition is at most \(maximumConditionLength)")
        }
        var parser = ExpressionParser(tokens: try tokenize(text), text: text)
        let expression = try parser.parseOr()
        if let extra = parser.peek {
            throw RuleTextError(offset: extra.offset, message: "unexpected '\(extra.text)' after a complete condition")
        }
        return expression
    }

    // MARK: Actions

    /// One or more actions separated by commas, e.g. `reduce load 20%, set reps 8`.
    public static func actions(_ text: String) throws(RuleTextError) -> [RuleAction] {
        var actions: [RuleAction] = []
        var offset = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            actions.append(try action(String(part), offset: offset + leadingSpaces(part)))
            offset += part.count + 1
        }
        return actions
    }

    static let verbs = ["hold", "increase", "reduce", "add", "set"]

    static func action(_ text: String, offset: Int) throws(RuleTextError) -> RuleAction {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else { throw RuleTextError(offset: offset, message: "expected an action, found nothing") }
        if verb == "hold" {
            guard words.count == 1 else { throw RuleTextError(offset: offset, message: "'hold' takes nothing after it") }
            return .hold
        }
        guard verbs.contains(verb) else {
            throw RuleTextError(offset: offset, message: "unknown action '\(verb)'; actions are \(verbs.joined(separator: ", "))")
        }
        guard words.count == 3 else {
            throw RuleTextError(offset: offset, message: "expected '\(verb) QUANTITY \(verb == "increase" || verb == "reduce" ? "P%" : "N")', found '\(text.trimmed)'")
        }
        guard let quantity = RuleQuantity(rawValue: words[1]) else {
            throw RuleTextError(offset: offset, message: "unknown quantity '\(words[1])'; quantities are \(RuleQuantity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch verb {
        case "increase", "reduce":
            guard words[2].hasSuffix("%"), let percent = Double(words[2].dropLast()), percent >= 0, percent <= 100 else {
                throw RuleTextError(offset: offset, message: "expected a percentage from 0% to 100% after '\(verb) \(words[1])', found '\(words[2])'")
            }
            guard !quantity.isCount else {
                // 2 sessions × 1.1 rounds back to 2: a percentage of a small count never acts.
                throw RuleTextError(offset: offset, message: "'\(verb) \(quantity.rawValue) \(words[2])' cannot change a whole number of \(quantity.rawValue) reliably (2 × 1.1 rounds back to 2); use 'add \(quantity.rawValue) \(verb == "increase" ? "1" : "-1")' or 'set \(quantity.rawValue) N'")
            }
            guard percent > 0 else {
                throw RuleTextError(offset: offset, message: "'\(verb) \(quantity.rawValue) 0%' changes nothing; use 'hold', or a percentage above 0%")
            }
            return .scale(quantity, percent: verb == "increase" ? percent : -percent)
        default:
            guard let value = Double(words[2]) else {
                throw RuleTextError(offset: offset, message: "expected a number after '\(verb) \(words[1])', found '\(words[2])'")
            }
            guard quantity != .dose else {
                throw RuleTextError(offset: offset, message: "'dose' can only be increased or reduced by a percentage")
            }
            if verb == "add" {
                guard quantity.isCount else {
                    throw RuleTextError(offset: offset, message: "'add' works on sessions, sets and reps; use 'increase \(quantity.rawValue) P%'")
                }
                guard value != 0 else {
                    throw RuleTextError(offset: offset, message: "'add \(quantity.rawValue) 0' changes nothing; use 'hold', or add 1 or -1")
                }
                return .add(quantity, value)
            }
            return .set(quantity, value)
        }
    }

    private static func leadingSpaces(_ text: Substring) -> Int { text.prefix { $0 == " " }.count }

    // MARK: Tokens

    struct Token: Equatable {
        enum Kind { case number(Double), name(String), symbol(String), openParen, closeParen }
        let kind: Kind
        let text: String
        let offset: Int
        static func == (a: Token, b: Token) -> Bool { a.text == b.text && a.offset == b.offset }
    }

    static func tokenize(_ text: String) throws(RuleTextError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c == " " || c == "\t" { index += 1; continue }
            let start = index
            if c.isNumber || (c == "." && index + 1 < characters.count && characters[index + 1].isNumber) {
                while index < characters.count && (characters[index].isNumber || characters[index] == ".") { index += 1 }
                let literal = String(characters[start..<index])
                guard let value = Double(literal) else {
                    throw RuleTextError(offset: start, message: "'\(literal)' is not a number")
                }
                tokens.append(Token(kind: .number(value), text: literal, offset: start))
            } else if c.isLetter || c == "_" {
                while index < characters.count && (characters[index].isLetter || characters[index].isNumber || characters[index] == "_") {
                    index += 1
                }
                let name = String(characters[start..<index])
                tokens.append(Token(kind: .name(name), text: name, offset: start))
            } else if c == "(" {
                tokens.append(Token(kind: .openParen, text: "(", offset: start)); index += 1
            } else if c == ")" {
                tokens.append(Token(kind: .closeParen, text: ")", offset: start)); index += 1
            } else if "<>=!".contains(c) {
                index += 1
                if index < characters.count && "<>=!".contains(characters[index]) { index += 1 }
                let symbol = String(characters[start..<index])
                guard ["<", "<=", ">", ">=", "==", "!="].contains(symbol) else {
                    throw RuleTextError(offset: start, message: "unknown operator '\(symbol)'; use < <= > >= == !=")
                }
                tokens.append(Token(kind: .symbol(symbol), text: symbol, offset: start))
            } else if "+-*/".contains(c) {
                index += 1
                tokens.append(Token(kind: .symbol(String(c)), text: String(c), offset: start))
            } else {
                throw RuleTextError(offset: start, message: "unexpected character '\(c)'")
            }
        }
        return tokens
    }
}

/// Recursive-descent parser over tokens.
struct ExpressionParser {
    let tokens: [RuleParser.Token]
    let text: String
    var position = 0
    /// Parentheses, `not`s and unary minuses currently open.
    var nesting = 0

    init(tokens: [RuleParser.Token], text: String) {
        self.tokens = tokens
        self.text = text
    }

    var peek: RuleParser.Token? { position < tokens.count ? tokens[position] : nil }

    mutating func take(_ word: String) -> Bool {
        guard let token = peek, token.text == word else { return false }
        position += 1
        return true
    }

    mutating func parseOr() throws(RuleTextError) -> RuleExpression {
        var lhs = try parseAnd()
        while take("or") { lhs = .binary(.or, lhs, try parseAnd()) }
        return lhs
    }

    mutating func parseAnd() throws(RuleTextError) -> RuleExpression {
        var lhs = try parseNot()
        while take("and") { lhs = .binary(.and, lhs, try parseNot()) }
        return lhs
    }

    mutating func parseNot() throws(RuleTextError) -> RuleExpression {
        if take("not") {
            try enter(at: tokens[position - 1])
            defer { nesting -= 1 }
            return .unary(.not, try parseNot())
        }
        return try parseComparison()
    }

    /// Opens one level of nesting at `token`; the parser recurses once per
    /// level, so the limit keeps the stack small whatever the input.
    mutating func enter(at token: RuleParser.Token) throws(RuleTextError) {
        nesting += 1
        guard nesting <= RuleParser.maximumNesting else {
            throw RuleTextError(offset: token.offset,
                                message: "the condition nests more than \(RuleParser.maximumNesting) levels deep (parentheses, 'not', '-'); split it into simpler rules")
        }
    }

    mutating func parseComparison() throws(RuleTextError) -> RuleExpression {
        let lhs = try parseSum()
        for op: RuleExpression.BinaryOperator in [.lessOrEqual, .greaterOrEqual, .less, .greater, .equal, .notEqual]
        where take(op.rawValue) {
            return .binary(op, lhs, try parseSum())
        }
        return lhs
    }

    mutating func parseSum() throws(RuleTextError) -> RuleExpression {
        var lhs = try parseProduct()
        while true {
            if take("+") { lhs = .binary(.plus, lhs, try parseProduct()) }
            else if take("-") { lhs = .binary(.minus, lhs, try parseProduct()) }
            else { return lhs }
        }
    }

    mutating func parseProduct() throws(RuleTextError) -> RuleExpression {
        var lhs = try parseAtom()
        while true {
            if take("*") { lhs = .binary(.times, lhs, try parseAtom()) }
            else if take("/") { lhs = .binary(.divided, lhs, try parseAtom()) }
            else { return lhs }
        }
    }

    mutating func parseAtom() throws(RuleTextError) -> RuleExpression {
        guard let token = peek else {
            throw RuleTextError(offset: text.count, message: "the condition ends too early; expected a number, an observation or '('")
        }
        position += 1
        switch token.kind {
        case .number(let value):
            return .number(value)
        case .name(let name):
            if let key = RuleObservation(rawValue: name) { return .observation(key) }
            if name == "true" { return .number(1) }
            if name == "false" { return .number(0) }
            let suggestion = closestName(name, among: RuleObservation.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
            throw RuleTextError(offset: token.offset, message: "unknown observation '\(name)'\(suggestion)")
        case .openParen:
            try enter(at: token)
            defer { nesting -= 1 }
            let inner = try parseOr()
            guard take(")") else { throw RuleTextError(offset: peek?.offset ?? text.count, message: "expected ')'") }
            return inner
        case .symbol("-"):
            try enter(at: token)
            defer { nesting -= 1 }
            return .unary(.minus, try parseAtom())
        case .symbol, .closeParen:
            throw RuleTextError(offset: token.offset, message: "unexpected '\(token.text)'; expected a number, an observation or '('")
        }
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

/// The candidate within edit distance 2 of `name`, if any ("did you mean").
public func closestName(_ name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(name, candidate)
        if distance <= max(2, name.count / 4), distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Levenshtein distance.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
