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
    ])
    func actionErrors(_ text: String, _ message: String) {
        #expect(throws: RuleTextError(offset: 0, message: message)) { try RuleParser.actions(text) }
    }
}
