import ArgumentParser
import BackSimCore

/// `--cohort NAME`: who is simulated.
struct CohortOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Who is simulated: \(BuiltInCohorts.names.joined(separator: ", ")).", valueName: "name"))
    var cohort: String = BuiltInCohorts.defaultName

    /// The built-in cohort named by `--cohort`.
    func resolve() throws(ValidationError) -> Cohort {
        guard let resolved = BuiltInCohorts.named(cohort) else {
            throw ValidationError(
                "--cohort: unknown cohort '\(cohort)'; choose one of \(BuiltInCohorts.names.joined(separator: ", "))")
        }
        return resolved
    }

    func validate() throws {
        _ = try resolve()
    }
}
