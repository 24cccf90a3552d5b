import BackSimCore
import Foundation
import Testing

/// docs/model.md lists every parameter with its unit, default and source,
/// exactly as the code has them.
@Suite struct ModelDocumentationTests {
    static let modelDoc = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/model.md")

    @Test func parameterTableMatchesTheCatalogue() throws {
        let text = try String(contentsOf: Self.modelDoc, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- parameter-table:begin -->\n"))
        let end = try #require(text.range(of: "\n<!-- parameter-table:end -->"))
        let documented = String(text[begin.upperBound..<end.lowerBound])
        #expect(documented == ModelParameters.markdownTable,
                "regenerate the table in docs/model.md from ModelParameters.markdownTable")
    }

    @Test func everyParameterHasAUnitASourceAndADefaultInRange() {
        for spec in ModelParameters.catalogue {
            #expect(!spec.unit.isEmpty && !spec.source.isEmpty, "\(spec.name)")
            #expect(spec.range.contains(spec.defaultValue), "\(spec.name) default outside its range")
        }
        #expect(Set(ModelParameters.catalogue.map(\.name)).count == ModelParameters.catalogue.count)
    }
}
