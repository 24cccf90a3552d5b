import Stochastics

/// The random numbers one person-week consumes outside the daily pain
/// fluctuation, drawn at the start of the week.
///
/// Each purpose's values for week w come from that purpose's sub-stream w
/// (``RandomStream/enterSubStream(_:)``), whose state is a pure function of
/// (person, purpose, week): the k-th value of a purpose in week w is the
/// same whatever was drawn before, under every policy. So slot k of a week
/// always takes the k-th value of its sub-stream, and what a week does not
/// need (slots without a session; adherence without sessions; dropout
/// before the programme starts) is simply not drawn.
struct WeeklyDraws {
    /// Standard-normal recall error of the weekly pain report (`report`, value 0).
    var recallError = 0.0
    /// Per-slot standard-normal noise of session pain ratings (`report`, values 1…s).
    var ratingNoise = InlineArray<7, Double>(repeating: 0)
    /// Weekly adherence transition uniform (`adherence`); drawn only in a week with sessions.
    var adherence = 0.0
    /// Per-slot done / cut-short uniform (`sessions`).
    var session = InlineArray<7, Double>(repeating: 0)
    /// Per-slot flare-up uniform (`flareUp`).
    var flare = InlineArray<7, Double>(repeating: 0)
    /// Weekly dropout uniform (`dropout`); drawn only while the person is at risk.
    var dropout = 0.0
    /// Per-slot sharp-pain uniform (`safety`).
    var safety = InlineArray<7, Double>(repeating: 0)

    /// Draws week `week`'s values for `sessions` sessions: the recall error
    /// and one rating noise per session (1 + s Gaussians from `report`); with
    /// sessions, the adherence uniform and one uniform per session from each
    /// of `sessions`, `flareUp` and `safety`; the dropout uniform when
    /// `atRiskOfDropout`. Values not drawn keep stale contents and must not
    /// be read (the engine reads slot k only when k < sessions).
    @inline(__always)
    mutating func fill(from streams: PersonStreams, week: Int, sessions: Int, atRiskOfDropout: Bool) {
        streams.report.enterSubStream(week)
        streams.report.gaussians(1 + sessions) { index, value in
            if index == 0 { recallError = value } else { ratingNoise[index - 1] = value }
        }
        if sessions > 0 {
            streams.adherence.enterSubStream(week)
            streams.adherence.uniforms(1) { adherence = $1 }
            streams.sessions.enterSubStream(week)
            streams.sessions.uniforms(sessions) { session[$0] = $1 }
            streams.flareUp.enterSubStream(week)
            streams.flareUp.uniforms(sessions) { flare[$0] = $1 }
            streams.safety.enterSubStream(week)
            streams.safety.uniforms(sessions) { safety[$0] = $1 }
        }
        if atRiskOfDropout {
            streams.dropout.enterSubStream(week)
            streams.dropout.uniforms(1) { dropout = $1 }
        }
    }
    /// One session slot's values, so that a session day is handed four
    /// numbers rather than a copy of the whole week's (248 bytes).
    struct Slot {
        var session: Double
        var flare: Double
        var safety: Double
        var ratingNoise: Double
    }

    @inline(__always)
    func slot(_ k: Int) -> Slot {
        Slot(session: session[k], flare: flare[k], safety: safety[k], ratingNoise: ratingNoise[k])
    }
}
