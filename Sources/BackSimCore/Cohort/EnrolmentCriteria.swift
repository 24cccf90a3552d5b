/// Who a trial enrols: inclusion criteria applied at a screening visit.
///
/// Candidates are drawn from the cohort's profiles one after another and
/// screened until the cohort's size is reached (``Enrolment``). The pain
/// criterion is applied to a *noisy screening report*, one momentary rating
/// at the visit (`screening` stream); because that report is noisy, people
/// enrolled on it report less pain afterwards on average even when their
/// course is flat: regression to the mean, as in trial control arms.
public struct EnrolmentCriteria: Equatable, Sendable {
    /// Screening report (NRS 0-10, integer) inclusive bounds.
    public var screeningPain: ClosedRange<Int>
    /// Weeks since onset (the `weeks_since_onset` trait) inclusive bounds.
    public var weeksSinceOnset: ClosedRange<Double>

    /// Criteria; by default everyone is admitted.
    public init(screeningPain: ClosedRange<Int> = 0...10, weeksSinceOnset: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude) {
        self.screeningPain = screeningPain
        self.weeksSinceOnset = weeksSinceOnset
    }

    /// Whether a candidate with this screening report and these traits is enrolled.
    public func admits(screeningReport: Int, traits: PersonTraits) -> Bool {
        screeningPain.contains(screeningReport) && weeksSinceOnset.contains(traits.weeksSinceOnset)
    }

    /// Candidates screened per enrolled person before a run gives up (the
    /// criteria are then too strict for the cohort).
    public static let maximumScreenedPerEnrolled = 1_000
}
