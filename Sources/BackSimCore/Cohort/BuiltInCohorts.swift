/// The cohorts that ship with BackSim, selectable with `--cohort NAME`.
///
/// Sourced: the acute and persistent baseline means (Costa 2012, 52 and 51 on
/// 0-100; docs/evidence.md §1) and the chronic baseline 5.8 ± 2.3 (the project
/// specification, docs/evidence.md §9). Assumptions: the between-person
/// SD of 2.0 NRS where no source gives one, the post-surgical profile, the
/// psychological trait distributions and the mixed caseload's shares; see
/// `docs/model.md`.
public enum BuiltInCohorts {
    /// The names accepted by `--cohort`, in help order.
    public static let names = ["acute", "persistent", "chronic", "post-surgical", "mixed"]
    /// The cohort used when none is given.
    public static let defaultName = "mixed"

    /// The built-in cohort called `name`, or nil.
    public static func named(_ name: String) -> Cohort? {
        switch name {
        case "acute": acute
        case "persistent": persistent
        case "chronic": chronic
        case "post-surgical": postSurgical
        case "mixed": mixed
        default: nil
        }
    }

    static let acuteProfile = Profile(
        name: "acute", condition: .only(.acute),
        baselinePain: .normal(mean: 5.2, sd: 2.0, lower: 0.5, upper: 10))
    static let persistentProfile = Profile(
        name: "persistent", condition: .only(.persistent),
        baselinePain: .normal(mean: 5.1, sd: 2.0, lower: 0.5, upper: 10))
    static let chronicProfile = Profile(
        name: "chronic", condition: .only(.chronic),
        baselinePain: .normal(mean: 5.8, sd: 2.3, lower: 0.5, upper: 10),
        weeksSinceOnset: .uniform(lower: 52, upper: 260))
    static let postSurgicalProfile = Profile(
        name: "post-surgical", condition: .only(.postSurgical),
        baselinePain: .normal(mean: 6.0, sd: 2.0, lower: 0.5, upper: 10),
        supervisedProbability: 0.7,
        clearanceWeek: .uniform(lower: 6, upper: 12))

    /// Costa 2012 acute cohorts: episode under 12 weeks, followed from inception.
    public static let acute = Cohort(
        name: "acute", summary: "Acute low-back pain (episode < 12 weeks), as in Costa 2012",
        profiles: [acuteProfile])
    /// Costa 2012 persistent cohorts: 12 weeks to 12 months.
    public static let persistent = Cohort(
        name: "persistent", summary: "Persistent low-back pain (12 weeks to 12 months), as in Costa 2012",
        profiles: [persistentProfile])
    /// Chronic pain for over a year, flat course without treatment.
    public static let chronic = Cohort(
        name: "chronic", summary: "Chronic low-back pain (> 1 year), baseline 5.8 ± 2.3 NRS, flat course",
        profiles: [chronicProfile])
    /// After lumbar surgery, with a clearance week for resistance training.
    public static let postSurgical = Cohort(
        name: "post-surgical", summary: "After lumbar surgery; resistance training from a clearance week (6-12)",
        profiles: [postSurgicalProfile])
    /// A physiotherapy caseload mixing all four (shares are an assumption).
    public static let mixed = Cohort(
        name: "mixed", summary: "Mixed caseload: 30% acute, 25% persistent, 35% chronic, 10% post-surgical",
        profiles: [
            with(acuteProfile) { $0.weight = 0.30; $0.weeksSinceOnset = .uniform(lower: 0, upper: 4) },
            with(persistentProfile) { $0.weight = 0.25; $0.weeksSinceOnset = .uniform(lower: 0, upper: 12) },
            with(chronicProfile) { $0.weight = 0.35 },
            with(postSurgicalProfile) { $0.weight = 0.10 },
        ])
}

@inline(__always)
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
