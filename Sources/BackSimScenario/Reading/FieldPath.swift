/// Where a value sits in a scenario: `cohort.profiles[1].baseline_pain.mean`.
package struct FieldPath: CustomStringConvertible, Sendable {
    private var text: String

    package static let root = FieldPath(text: "")

    package func key(_ name: String) -> FieldPath { FieldPath(text: text.isEmpty ? name : "\(text).\(name)") }
    package func index(_ index: Int) -> FieldPath { FieldPath(text: "\(text)[\(index)]") }

    package var description: String { text }
}
