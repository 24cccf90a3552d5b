import ArgumentParser
import BackSimScenario
import BackSimStudies

/// `--set NAME=VALUE`, shared by every command that runs the model.
struct SettingOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set a model parameter (docs/model.md) or a built-in policy's parameter (e.g. percent=20) without editing the file; repeatable, or comma-separated.",
            valueName: "name=value"))
    var settings: [String] = []

    func validate() throws { _ = try parsed() }

    func parsed() throws(ValidationError) -> [ParameterSetting] {
        do { return try ParameterSetting.parseAll(settings) } catch { throw ValidationError("--set: \(error)") }
    }

    /// The scenario with every setting in place; model parameters also join
    /// the scenario's overrides (so JSON provenance lists their values) and
    /// every setting is named in `replaced` (`parameters.NAME`, `policies.NAME`).
    func apply(to scenario: Scenario, replaced: inout [String]) throws(ValidationError) -> Scenario {
        var scenario = scenario
        for setting in try parsed() {
            do { try setting.apply(to: &scenario) } catch { throw ValidationError("--set: \(error)") }
            switch setting.target {
            case .model(let spec):
                scenario.parameterOverrides.removeAll { $0.name == spec.name }
                scenario.parameterOverrides.append(.init(name: spec.name, value: setting.value))
                replaced.append("parameters.\(spec.name)")
            case .policy(let name):
                replaced.append("policies.\(name)")
            }
        }
        return scenario
    }

    /// `NAME=VALUE` texts as given, one per setting, for provenance.
    var texts: [String] {
        ((try? parsed()) ?? []).map { "\($0.target.name)=\($0.value.description)" }
    }
}
