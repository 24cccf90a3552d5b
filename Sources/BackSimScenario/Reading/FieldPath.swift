/// Where a value sits in a scenario: `cohort.profiles[1].baseline_pain.mean`.
struct FieldPath: CustomStringConvertible, Sendable {
    private var text: String

    static let root = FieldPath(text: "")

    func key(_ name: String) -> FieldPath { FieldPath(text: text.isEmpty ? name : "\(text).\(name)") }
    func index(_ index: Int) -> FieldPath { FieldPath(text: "\(text)[\(index)]") }

    var description: String { text }
}
