import ArgumentParser
import Foundation
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
        var problems: [String] = []
        for text in texts {
            guard !text.isEmpty else { problems.append("empty policy name"); continue }
            guard seen.insert(text).inserted else { problems.append("'\(text)' is listed twice"); continue }
            if let own = available.first(where: { $0.label == text }) {
                policies.append(own)
                continue
            }
            do {
                policies.append(try PolicyCatalogue.policy(text))
            } catch .unknownPolicy {
                problems.append("unknown policy '\(text)'" + (suggestion(for: text, available: available).map { "; did you mean '\($0)'?" } ?? ""))
            } catch {
                problems.append("\(error)")
            }
        }
        guard problems.isEmpty else {
            let rules = ruleTables(available)
            let extra = rules.isEmpty ? "" : " or the scenario's \(rules.joined(separator: ", "))"
            let choose = "Choose from \(known)\(extra) (see 'backsim policies')."
            guard problems.count > 1 else {
                let end = problems[0].hasSuffix("?") ? "" : "."
                throw ValidationError("\(flag): \(problems[0])\(end) \(choose)")
            }
            throw ValidationError("\(flag): \(problems.count) problems:\n" + problems.map { "  \($0)\n" }.joined() + "  " + choose)
        }
        return policies
    }

    /// The closest known policy text: a built-in name (`guidline` →
    /// `guideline`), a name with its value (`percent5` → `percent:5`), or a
    /// rule table of the scenario.
    static func suggestion(for text: String, available: [any ProgressionPolicy]) -> String? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        // `percent5`, `percent-5`: a name run into its value.
        if parts.count == 1, let digits = text.firstIndex(where: \.isNumber) {
            let name = String(text[..<digits]).trimmingCharacters(in: CharacterSet(charactersIn: "-_ "))
            let value = String(text[digits...])
            if let match = PolicyCatalogue.names.contains(name) ? name : closestName(name, among: PolicyCatalogue.names) {
                return "\(match):\(value)"
            }
        }
        if let name = closestName(parts[0], among: PolicyCatalogue.names) {
            return parts.count == 2 ? "\(name):\(parts[1])" : name
        }
        return closestName(text, among: ruleTables(available))
    }

    private static func ruleTables(_ available: [any ProgressionPolicy]) -> [String] {
        available.map(\.label).filter { label in !PolicyCatalogue.names.contains { label.hasPrefix($0) } }
    }

    /// Splits `a, b,c` at commas, trimming spaces around each name.
    static func split(_ list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }
    }

    private static var known: String { PolicyCatalogue.names.joined(separator: ", ") }
}
