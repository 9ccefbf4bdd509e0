import Community
import Matchmaker

/// Rounds committed before facts were kept hold English sentences. Each
/// sentence that an earlier version wrote from a fact is read back into that
/// fact, so that it is worded in the reader's language; a sentence that
/// cannot be read back (a name that is no longer in the round, a starter
/// that named people by first name) stays as it was written.
enum StoredProse {
    /// The fact an English reason stood for; `people` are the group's members (id and name).
    static func reason(_ text: String, people: [(id: String, name: String)]) -> PairReason? {
        func id(_ name: String) -> String? {
            let matches = people.filter { $0.name == name }
            return matches.count == 1 ? matches[0].id : nil
        }
        if let rest = text.dropPrefix("both are into ") { return .sharedInterest(rest) }
        if let inside = text.dropPrefix("from different wings ("), inside.hasSuffix(")") {
            let numbers = inside.dropLast().components(separatedBy: " and ").compactMap { Int($0) }
            return numbers.count == 2 ? .differentWings(numbers[0], numbers[1]) : nil
        }
        if let inside = text.dropPrefix("from different organisations ("), inside.hasSuffix(")") {
            let names = inside.dropLast().components(separatedBy: ", ")
            return names.count == 2 ? .differentOrganizations(names[0], names[1]) : nil
        }
        if let role = text.dropPrefix("two "), role.hasSuffix("s"), let only = Role(rawValue: String(role.dropLast())) {
            return .roles(only, only)
        }
        let words = text.split(separator: " ").map(String.init)
        if words.count == 5, ["a", "an"].contains(words[0]), words[2] == "and", ["a", "an"].contains(words[3]),
            let low = Role(rawValue: words[1]), let high = Role(rawValue: words[4])
        {
            return .roles(low, high)
        }
        // `OFFERER offers TAG[, close to SOUGHT], which SEEKER seeks`
        guard text.hasSuffix(" seeks"), let which = text.range(of: ", which ", options: .backwards) else { return nil }
        let seeker = String(text[which.upperBound...].dropLast(" seeks".count))
        let head = text[..<which.lowerBound]
        for person in people where head.hasPrefix(person.name + " offers ") {
            var tag = String(head.dropFirst(person.name.count + " offers ".count))
            var sought: String?
            if let close = tag.range(of: ", close to ", options: .backwards) {
                sought = String(tag[close.upperBound...])
                tag = String(tag[..<close.lowerBound])
            }
            guard let offerer = id(person.name), let seekerID = id(seeker), !tag.isEmpty else { return nil }
            return .needMet(seeker: seekerID, offerer: offerer, tag: tag, sought: sought)
        }
        return nil
    }

    /// The fact an English starter stood for, when it names no one.
    static func starter(_ text: String) -> Starter? {
        guard let topic = text.dropPrefix("What got you into "), topic.hasSuffix("?") else { return nil }
        return .sharedInterest(String(topic.dropLast()))
    }

    /// The fact an English cause stood for: the causes that carry no data, as they were worded.
    static func cause(_ text: String) -> UnmatchedCause? {
        let plain: [UnmatchedCause] =
            [
                .everyPartnerForbidden(.anyone), .everyPartnerForbidden(.mentors), .nobodyElse, .sharesNoTag,
                .nothingInCommon(with: .anyone), .nothingInCommon(with: .mentors), .oddOneOut, .compatibleAlreadyPaired,
                .noMentors, .mentorsFull, .noCompatibleTable, .tablesFull(scarce: nil), .noTableTogether,
            ] + Role.allCases.map { .tablesFull(scarce: $0.rawValue) } + (2...12).map { .tooFewForTable(size: $0) }
        let english = EnglishDraftWording()
        return plain.first { english.cause($0) == text }
    }
}

extension String {
    /// The rest of the text after `prefix`, or nil when it does not start with it.
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
