import ArgumentParser
import BackSimCore

/// Turns the policy texts users write (`control`, `percent:20`) into policies,
/// with usage errors that name the flag.
enum PolicyList {
    /// Resolves each text via ``PolicyCatalogue/policy(_:)``; each text becomes
    /// the policy's label in outputs, so the texts must be distinct.
    static func resolve(_ texts: [String], flag: String) throws(ValidationError) -> [any ProgressionPolicy] {
        guard !texts.isEmpty else {
            throw ValidationError("\(flag): no policy given; choose from \(known) (see 'backsim policies')")
        }
        var seen: Set<String> = []
        var policies: [any ProgressionPolicy] = []
        for text in texts {
            guard !text.isEmpty else { throw ValidationError("\(flag): empty policy name") }
            guard seen.insert(text).inserted else { throw ValidationError("\(flag): '\(text)' is listed twice") }
            do {
                policies.append(try PolicyCatalogue.policy(text))
            } catch .unknownPolicy {
                throw ValidationError("\(flag): unknown policy '\(text)'; choose one of \(known) (see 'backsim policies')")
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
