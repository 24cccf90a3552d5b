/// A prescription turned into what one session asks of the person.
///
/// Session minutes count exercise time only: aerobic minutes, 1.5 min per
/// strength set per exercise (work and rest), and each stretch hold plus
/// 10 s to get into position. Warm-up and cool-down are light and not
/// counted as load.
struct SessionPlan {
    var minutes: Double
    /// The aerobic part of `minutes`.
    var aerobicMinutes: Double
    /// Strength exercises per session.
    var strengthExercises: Int
    /// Effort the prescription aims at, RPE 0-10, time-weighted over parts.
    var targetEffort: Double
    var strengthSets: Int
    var strengthReps: Int
    var strengthLoad: Double
    var hasStrength: Bool
    var highImpact: Bool
    var twistsOrBends: Bool

    /// Effort of strength work at the start load, RPE.
    static let strengthEffort = 5.0

    init(_ p: Prescription) {
        let aerobicMinutes = max(p.aerobic.minutes, 0)
        self.aerobicMinutes = aerobicMinutes
        hasStrength = !p.strength.isEmpty
        let strengthMinutes = hasStrength ? 1.5 * Double(p.strength.sets * p.strength.exercises.count) : 0
        let stretchMinutes = p.stretching.isEmpty
            ? 0 : Double(p.stretching.holds * p.stretching.exercises.count) * (p.stretching.seconds + 10) / 60
        minutes = aerobicMinutes + strengthMinutes + stretchMinutes
        let strengthEffort = Self.strengthEffort * max(p.strength.load, 0)
        let stretchEffort = 2.0
        targetEffort = minutes > 0
            ? (aerobicMinutes * p.aerobic.intensity + strengthMinutes * strengthEffort + stretchMinutes * stretchEffort)
                / minutes
            : 0
        strengthSets = hasStrength ? p.strength.sets : 0
        strengthExercises = hasStrength ? p.strength.exercises.count : 0
        strengthReps = hasStrength ? p.strength.reps : 0
        strengthLoad = hasStrength ? p.strength.load : 0
        let aerobicHigh = aerobicMinutes > 0 && p.aerobic.activity.impact == .high
        // Bit-mask tests: no allocation in the weekly loop.
        let strengthHigh = hasStrength && !p.strength.exercises.isDisjoint(with: .highImpact)
        highImpact = aerobicHigh || strengthHigh
        twistsOrBends = (hasStrength && !p.strength.exercises.isDisjoint(with: .twistingOrBending))
            || (!p.stretching.isEmpty && !p.stretching.exercises.isDisjoint(with: .twistingOrBending))
    }
}
