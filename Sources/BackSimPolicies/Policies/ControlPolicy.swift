/// `control`: no exercise programme (usual care / natural history).
public struct ControlPolicy: ProgressionPolicy {
    /// The control arm; its label is `control`.
    public init() {}
    public var label: String { "control" }

    public func start(_ baseline: BaselineObservation) -> (NoState, PolicyDecision) {
        (NoState(), PolicyDecision(.none, reason: "no programme"))
    }

    @inlinable
    public func decide(after week: WeekObservation, state: inout NoState) -> PolicyDecision {
        PolicyDecision(.none, reason: "no programme")
    }
}
