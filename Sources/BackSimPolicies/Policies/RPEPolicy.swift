/// `rpe:T`: autoregulation by reported effort, aiming at session RPE T ± 0.5
/// (default 6.5, i.e. 6-7 of 10: "somewhat hard").
///
/// The week's mean RPE over done sessions below the target band: dose and
/// aerobic intensity +10%; above it: −10%; inside: hold. No session done: hold.
public struct RPEPolicy: ProgressionPolicy {
    public let label: String
    /// The session RPE to keep (± 0.5).
    public let target: Double

    /// A policy keeping session RPE within `target` ± 0.5; the label defaults to `rpe:TARGET`.
    public init(target: Double = 6.5, label: String? = nil) {
        self.target = target
        self.label = label ?? "rpe:\(target.compactText)"
    }

    public func start(_ baseline: BaselineObservation) -> (Prescription, PolicyDecision) {
        (StartingDose.seedDocument, PolicyDecision(StartingDose.seedDocument, reason: "starting dose"))
    }

    public func decide(after week: WeekObservation, state dose: inout Prescription) -> PolicyDecision {
        var total = 0, done = 0
        for index in 0..<week.sessionsPrescribed where week.sessions[index].done {
            total += week.sessions[index].effort
            done += 1
        }
        guard done > 0 else { return PolicyDecision(dose, reason: "no session done: hold") }
        let effort = Double(total) / Double(done)
        if effort < target - 0.5 {
            dose = dose.scaled(by: 1.1)
            dose.aerobic.intensity = min(dose.aerobic.intensity * 1.1, 10)
            return PolicyDecision(dose, reason: "effort below target: increase 10%")
        }
        if effort > target + 0.5 {
            dose = dose.scaled(by: 0.9)
            dose.aerobic.intensity = max(dose.aerobic.intensity * 0.9, 1)
            return PolicyDecision(dose, reason: "effort above target: reduce 10%")
        }
        return PolicyDecision(dose, reason: "effort on target: hold")
    }
}
