import Stochastics

/// The random numbers one person-week consumes outside the daily pain
/// fluctuation, drawn in one fixed block at the start of the week.
///
/// The block is the same size every week whatever the policy prescribes
/// (seven slots even when fewer sessions are prescribed, all of it under
/// `control`): drawing and discarding is what keeps every purpose's stream
/// aligned across policies. Slot k of a week always uses the k-th values.
struct WeeklyDraws {
    /// Standard-normal recall error of the weekly pain report (`report`).
    var recallError = 0.0
    /// Per-slot standard-normal noise of session pain ratings (`report`).
    var ratingNoise = InlineArray<7, Double>(repeating: 0)
    /// Weekly adherence transition uniform (`adherence`).
    var adherence = 0.0
    /// Per-slot done / cut-short uniform (`sessions`).
    var session = InlineArray<7, Double>(repeating: 0)
    /// Per-slot flare-up uniform (`flareUp`).
    var flare = InlineArray<7, Double>(repeating: 0)
    /// Weekly dropout uniform (`dropout`).
    var dropout = 0.0
    /// Per-slot sharp-pain uniform (`safety`).
    var safety = InlineArray<7, Double>(repeating: 0)

    /// Gaussian calls: 8 from `report`. Uniform calls: 1 `adherence`,
    /// 7 `sessions`, 7 `flareUp`, 1 `dropout`, 7 `safety`.
    ///
    /// Only the first `sessions` values of each per-slot purpose are computed;
    /// the rest of the block is skipped (``RandomStream/skipUniforms(_:)``,
    /// ``RandomStream/skipGaussians(_:)``), which moves each stream exactly as
    /// far as drawing would. Slots from `sessions` on keep stale values and
    /// must not be read (the engine reads slot k only when k < sessions).
    @inline(__always)
    mutating func fill(from streams: PersonStreams, sessions: Int) {
        recallError = streams.report.gaussian()
        adherence = streams.adherence.uniform()
        dropout = streams.dropout.uniform()
        // One stream at a time, its state in registers (streams are independent,
        // so the order between them does not matter).
        let unused = 7 - sessions
        streams.report.gaussians(sessions) { ratingNoise[$0] = $1 }
        streams.report.skipGaussians(unused)
        streams.sessions.uniforms(sessions) { session[$0] = $1 }
        streams.sessions.skipUniforms(unused)
        streams.flareUp.uniforms(sessions) { flare[$0] = $1 }
        streams.flareUp.skipUniforms(unused)
        streams.safety.uniforms(sessions) { safety[$0] = $1 }
        streams.safety.skipUniforms(unused)
    }
}
