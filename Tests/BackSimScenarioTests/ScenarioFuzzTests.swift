import BackSimScenario
import Foundation
import Stochastics
import Testing

/// Random mutations of the shipped scenarios never crash the loader: it
/// always answers with diagnostics or a valid scenario.
@Suite struct ScenarioFuzzTests {
    static let mutationsPerFile = 150

    static var shipped: [(String, String)] {
        ShippedScenarioTests.files.map { file in
            (file, try! String(contentsOf: ShippedScenarioTests.root.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// A seeded mutation of `text`.
    static func mutate(_ text: String, _ random: inout SplitMix64) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
        let replacements = [
            "1e308", "-1e308", ".nan", ".inf", "-.inf", "99999999999999999999999", "-0", "''", "~", "[]", "{}",
            "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "\"text\"", "yes", "0x1F", "&a 1", "*a", "!!binary AAAA",
        ]
        switch pick(9) {
        case 0:  // delete a line
            if !lines.isEmpty { lines.remove(at: pick(lines.count)) }
        case 1:  // replace a value after a colon
            let index = pick(lines.count)
            if let colon = lines[index].firstIndex(of: ":") {
                lines[index] = String(lines[index][...colon]) + " " + replacements[pick(replacements.count)]
            }
        case 2:  // duplicate a line
            let index = pick(lines.count)
            lines.insert(lines[index], at: index)
        case 3:  // deep nesting
            lines.insert("deep: " + String(repeating: "[", count: 50 + pick(20_000)), at: pick(lines.count))
        case 4:  // swap two lines
            lines.swapAt(pick(lines.count), pick(lines.count))
        case 5:  // truncate
            lines = Array(lines.prefix(pick(lines.count)))
        case 6:  // change indentation
            let index = pick(lines.count)
            lines[index] = (pick(2) == 0 ? "   " : "\t") + lines[index]
        case 7:  // huge list
            lines.append("policies: [" + Array(repeating: "control", count: 1 + pick(500)).joined(separator: ", ") + "]")
        default:  // non-UTF-8 bytes
            var bytes = Array(lines.joined(separator: "\n").utf8)
            bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: pick(bytes.count))
            return bytes
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test(arguments: shipped.map(\.0))
    func mutationsNeverCrash(_ file: String) throws {
        let text = Self.shipped.first { $0.0 == file }!.1
        // Seeded from the file name, so every run mutates the same way.
        var random = SplitMix64(state: file.utf8.reduce(0x5EED_F022) { $0 &* 31 &+ UInt64($1) })
        var accepted = 0, refused = 0
        for _ in 0..<Self.mutationsPerFile {
            let bytes = Self.mutate(text, &random)
            do {
                let scenario = try ScenarioLoader.parse(data: Data(bytes), file: "mutant.yaml")
                #expect(scenario.persons >= 1 && scenario.weeks >= 1 && !scenario.policies.isEmpty)
                accepted += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.line >= 1 && diagnostic.column >= 1 && !diagnostic.message.isEmpty)
                }
                refused += 1
            }
        }
        #expect(accepted + refused == Self.mutationsPerFile)
        #expect(refused > 0)
    }
}
