import BackSimScenario
import Foundation

/// One input: bytes as a scenario file. The loader must answer with a valid
/// scenario or with located diagnostics — never crash, hang or blow up.
func scenarioLoaderTarget(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    do {
        let scenario = try ScenarioLoader.parse(data: data, file: "fuzz.yaml")
        precondition(scenario.persons >= 1 && scenario.weeks >= 1 && !scenario.policies.isEmpty)
    } catch {
        precondition(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
            precondition(diagnostic.line >= 1 && diagnostic.column >= 1 && !diagnostic.message.isEmpty)
        }
    }
    return 0
}
