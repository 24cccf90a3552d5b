/// The kind of back pain a person has, which sets their natural history.
public enum Condition: String, CaseIterable, Sendable, Codable {
    /// Episode under 12 weeks (Costa 2012, docs/evidence.md §1).
    case acute
    /// 12 weeks to 12 months (Costa 2012).
    case persistent
    /// Over a year; a flat course without treatment.
    case chronic
    /// After lumbar surgery; improves over the first months.
    case postSurgical = "post-surgical"
}
