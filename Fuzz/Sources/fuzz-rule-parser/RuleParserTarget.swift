import BackSimPolicies

/// One input: a condition, a newline, then actions (`if:` and `then:` of a
/// rule). What parses is run as a rule table for a few weeks, so evaluation
/// is fuzzed too; errors must point inside the text.
func ruleParserTarget(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let conditionText = String(parts[0]), actionText = parts.count > 1 ? String(parts[1]) : "hold"
    var condition: RuleExpression?
    do {
        condition = try RuleParser.condition(conditionText)
    } catch {
        precondition(error.offset >= 0 && error.offset <= conditionText.count && !error.message.isEmpty)
    }
    var actions: [RuleAction] = []
    do {
        actions = try RuleParser.actions(actionText)
    } catch {
        precondition(error.offset >= 0 && error.offset <= actionText.count && !error.message.isEmpty)
    }
    guard let condition, !actions.isEmpty else { return 0 }
    let policy = RuleTablePolicy(label: "fuzz", rules: [.init(condition: condition, actions: actions, text: text)])
    var (state, decision) = policy.start(
        BaselineObservation(painReport: 5, sessionsAvailable: 3, supervised: false, clearanceWeek: 0))
    for week in 1...4 {
        let seen = WeekObservation(
            week: week, prescription: decision.prescription, painReport: Int(bytes[week % count]) % 11, baselinePainReport: 5)
        decision = policy.decide(after: seen, state: &state)
    }
    return 0
}
