import Testing
@testable import BackSimCore

/// The tabulated session days equal `model.md` §5's rule, slot j of n on
/// day ⌊7j/n⌋, for every number of sessions a week can hold.
@Suite struct SessionDaysTests {
    @Test("Session-day masks equal slot j on day floor(7j/n)", arguments: 0...7)
    func masksFollowTheRule(_ sessions: Int) {
        var expected: UInt8 = 0
        for slot in 0..<sessions { expected |= 1 << (slot * 7 / sessions) }
        #expect(SessionDay.days(sessions: sessions) == expected)
        #expect(SessionDay.days(sessions: sessions).nonzeroBitCount == sessions)
    }
}
