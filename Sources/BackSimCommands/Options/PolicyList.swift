import ArgumentParser
import BackSimCore

/// Turns the policy texts users write (`control`, `percent:20`, or the name of
/// a rule table in the scenario) into policies, with usage errors that name
/// the flag.
enum PolicyList {
    /// Resolves each text first among `available` (the scenario's own
    /// policies, by label), then via ``PolicyCatalogue/policy(_:)``; each text
    /// becomes the policy's label in outputs, so the texts must be distinct.
    static func resolve(
        _ texts: [String], flag: String, available: [any ProgressionPolicy] = []
    ) throws(ValidationError) -> [any ProgressionPolicy] {
        guard !texts.isEmpty else {
            throw ValidationError("\(flag): no policy given; choose from \(known) (see 'backsim policies')")
        }
        var seen: Set<String> = []
        var policies: [any ProgressionPolicy] = []
        for text in texts {
            guard !text.isEmpty else { throw ValidationError("\(flag): empty policy name") }
            guard seen.insert(text).inserted else { throw ValidationError("\(flag): '\(text)' is listed twice") }
            if let own = available.first(where: { $0.label == text }) {
                policies.append(own)
                continue
            }
            do {
                policies.append(try PolicyCatalogue.policy(text))
            } catch .unknownPolicy {
                let rules = available.map(\.label).filter { label in !PolicyCatalogue.names.contains { label.hasPrefix($0) } }
                let extra = rules.isEmpty ? "" : " or the scenario's \(rules.joined(separator: ", "))"
                throw ValidationError("\(flag): unknown policy '\(text)'; choose one of \(known)\(extra) (see 'backsim policies')")
            } catch {
                throw ValidationError("\(flag): \(error)")
            }
        }
        return policies
    }

    /// Splits `a, b,c` at commas, trimming spaces around each name.
    static func split(_ list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }
    }

    private static var known: String { PolicyCatalogue.names.joined(separator: ", ") }
}
