import Foundation
import Testing

/// The policy product must build for an app without GSL or Foundation: its
/// sources import nothing, so it depends on the Swift standard library alone.
@Suite struct StandaloneTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BackSimPolicies")

    @Test func policySourcesImportNothing() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files {
            let imports = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter {
                let line = $0.drop { $0 == " " }
                return line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@")
                    || line.hasPrefix("public import ") || line.hasPrefix("internal import ")
            }
            #expect(imports.isEmpty, "\(file.lastPathComponent) imports \(imports)")
        }
    }

    @Test func theProductCarriesItsOwnLicence() throws {
        let licence = try String(contentsOf: Self.sources.appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"))
    }
}
