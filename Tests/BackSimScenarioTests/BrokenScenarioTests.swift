import BackSimScenario
import Foundation
import Testing

/// A corpus of broken scenario files, each with the exact messages it must
/// produce (`Corpus/NAME.expected`, one diagnostic per line).
@Suite struct BrokenScenarioTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func theCorpusHasAtLeastThirtyFiles() {
        #expect(Self.names.count >= 30)
    }

    @Test(arguments: names)
    func givesTheExpectedMessages(_ name: String) throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("\(name).yaml"))
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent("\(name).expected"), encoding: .utf8)
        do {
            _ = try ScenarioLoader.parse(data: data, file: "\(name).yaml")
            Issue.record("\(name).yaml was accepted")
        } catch {
            #expect(error.description + "\n" == expected)
        }
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("31-several-problems.yaml"))
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(data: data, file: "x.yaml") }
        do { _ = try ScenarioLoader.parse(data: data, file: "x.yaml") } catch { #expect(error.diagnostics.count == 3) }
    }

    @Test func nonUTF8BytesArePointedAt() {
        var bytes = Array("name: a\ndescription: b\n".utf8)
        bytes += [0x77, 0x65, 0xFF, 0x0A]
        do {
            _ = try ScenarioLoader.parse(data: Data(bytes), file: "bytes.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "bytes.yaml:3:3: error: expected UTF-8 text, found bytes that are not UTF-8")
        }
    }

    @Test func aMissingFileIsNamed() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "/nonexistent/scenario.yaml:1:1: error: no such file")
        }
    }
}
