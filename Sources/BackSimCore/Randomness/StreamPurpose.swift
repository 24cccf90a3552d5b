/// What a random stream is used for. One generator stream per
/// (seed, replication, person, purpose); see `docs/randomness.md`.
///
/// The raw values are part of the reproducibility contract: renumbering a
/// purpose changes every result. Add new purposes at the end.
public enum StreamPurpose: UInt32, CaseIterable, Sendable {
    /// Profile membership and traits, drawn once per person.
    case traits = 1
    /// Day-to-day pain fluctuation (7 Gaussian draws a week).
    case pain = 2
    /// Noise of the weekly pain report and session pain reports.
    case report = 3
    /// Weekly adherence transitions.
    case adherence = 4
    /// Per-session done/skipped and cut-short draws.
    case sessions = 5
    /// Flare-up occurrence and size.
    case flareUp = 6
    /// Dropout hazard.
    case dropout = 7
    /// Sharp or radiating pain during a session.
    case safety = 8
    /// The screening report of a candidate under enrolment criteria (model 2):
    /// one Gaussian per candidate screened.
    case screening = 9
}
