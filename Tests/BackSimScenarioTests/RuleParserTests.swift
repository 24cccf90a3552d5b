import BackSimCore
import Testing

@Suite struct RuleParserTests {
    @Test func precedenceAndAssociativity() throws {
        let parsed = try RuleParser.condition("pain_after > 5 or next_morning_pain > baseline + 1 and not week < 3")
        let expected = RuleExpression.binary(
            .or,
            .binary(.greater, .observation(.painAfter), .number(5)),
            .binary(
                .and,
                .binary(.greater, .observation(.nextMorningPain), .binary(.plus, .observation(.baseline), .number(1))),
                .unary(.not, .binary(.less, .observation(.week), .number(3)))))
        #expect(parsed == expected)
    }

    @Test func actions() throws {
        #expect(try RuleParser.actions("reduce load 20%, set reps 8") == [.scale(.load, percent: -20), .set(.reps, 8)])
        #expect(try RuleParser.actions("hold") == [.hold])
        #expect(try RuleParser.actions("add sessions 1") == [.add(.sessions, 1)])
    }

    @Test(arguments: [
        ("pain >", 6, "the condition ends too early; expected a number, an observation or '('"),
        ("pain => 3", 5, "unknown operator '=>'; use < <= > >= == !="),
        ("(pain > 3", 9, "expected ')'"),
        ("pain > 3 3", 9, "unexpected '3' after a complete condition"),
        ("pain ≥ 3", 5, "unexpected character '≥'"),
    ])
    func conditionErrorsPointAtTheProblem(_ text: String, _ offset: Int, _ message: String) {
        #expect(throws: RuleTextError(offset: offset, message: message)) { try RuleParser.condition(text) }
    }

    @Test(arguments: [
        ("increase load", "expected 'increase QUANTITY P%', found 'increase load'"),
        ("increase load 20", "expected a percentage from 0% to 100% after 'increase load', found '20'"),
        ("add minutes 5", "'add' works on sessions, sets and reps; use 'increase minutes P%'"),
        ("set dose 3", "'dose' can only be increased or reduced by a percentage"),
        ("raise load 5%", "unknown action 'raise'; actions are hold, increase, reduce, add, set"),
        ("increase sessions 10%",
         "'increase sessions 10%' cannot change a whole number of sessions reliably (2 × 1.1 rounds back to 2); use 'add sessions 1' or 'set sessions N'"),
        ("reduce reps 50%",
         "'reduce reps 50%' cannot change a whole number of reps reliably (2 × 1.1 rounds back to 2); use 'add reps -1' or 'set reps N'"),
        ("increase sets 100%",
         "'increase sets 100%' cannot change a whole number of sets reliably (2 × 1.1 rounds back to 2); use 'add sets 1' or 'set sets N'"),
        ("reduce load 0%", "'reduce load 0%' changes nothing; use 'hold', or a percentage above 0%"),
        ("add reps 0", "'add reps 0' changes nothing; use 'hold', or add 1 or -1"),
    ])
    func actionErrors(_ text: String, _ message: String) {
        #expect(throws: RuleTextError(offset: 0, message: message)) { try RuleParser.actions(text) }
    }

    /// Exactly at the nesting limit parses; one more level is refused at the
    /// token that opens it.
    @Test func nestingLimit() throws {
        let limit = RuleParser.maximumNesting
        _ = try RuleParser.condition(String(repeating: "(", count: limit) + "week > 1" + String(repeating: ")", count: limit))
        _ = try RuleParser.condition(String(repeating: "not ", count: limit) + "true")
        _ = try RuleParser.condition(String(repeating: "- ", count: limit) + "1 < 0")
        let message = "the condition nests more than 32 levels deep (parentheses, 'not', '-'); split it into simpler rules"
        #expect(throws: RuleTextError(offset: limit, message: message)) {
            try RuleParser.condition(String(repeating: "(", count: limit + 1) + "week > 1" + String(repeating: ")", count: limit + 1))
        }
        #expect(throws: RuleTextError(offset: 4 * limit, message: message)) {
            try RuleParser.condition(String(repeating: "not ", count: limit + 1) + "true")
        }
        #expect(throws: RuleTextError(offset: 2 * limit, message: message)) {
            try RuleParser.condition(String(repeating: "- ", count: limit + 1) + "1 < 0")
        }
    }

    /// A condition of exactly the maximum length parses (a left-leaning chain
    /// of `+`, the deepest tree that length allows); one character more is refused.
    @Test func lengthLimit() throws {
        let chain = "week" + String(repeating: "+1", count: (RuleParser.maximumConditionLength - 8) / 2) + " > 1"
        #expect(chain.count == RuleParser.maximumConditionLength)
        _ = try RuleParser.condition(chain)
        #expect(throws: RuleTextError(offset: 1_000, message: "the condition is 1001 characters long; a condition is at most 1000")) {
            try RuleParser.condition(chain + " ")
        }
    }
}
