import Foundation

/// One member found by `search`, with how well and why.
public struct SearchHit: Sendable, Equatable {
    public let member: Member
    public let score: Int
    /// What matched, in order, each once.
    public let reasons: [Reason]

    /// Where a search found its words.
    public enum Reason: Sendable, Equatable {
        case name
        /// A tag of this kind, as the member wrote it (a skill with its level).
        case tag(TagKind, String, level: SkillLevel?)
        case organization
        case bio
    }
}

extension Directory {
    /// Members ranked by how well they match `query`: accent- and
    /// case-insensitive over names, skills, interests, seeking, offering,
    /// organisation and bio. A whole tag weighs more than a word of the bio;
    /// skills weigh by level; tags forgive a typo or two (`blendr`).
    ///
    /// Scoring, per query word (and for the whole query as one tag): name 8,
    /// skill 6 (+2 intermediate, +4 expert), seeking or offering 5, interest 4,
    /// organisation 3, bio 1; a tag within one edit (two from six letters) counts half.
    ///
    /// A query counts at most `searchWords` distinct words, each of at most
    /// `Limits.tagCharacters` characters (no tag is longer), so that its cost
    /// does not grow with its length.
    public func search(_ query: String) -> [SearchHit] {
        // A query longer than any tag cannot be one: it is only its words.
        let whole = query.count <= Limits.tagCharacters ? taxonomy.key(for: query) : "\u{0}"
        var seen = Set<String>()
        let words = Taxonomy.fold(String(query.prefix(Self.searchWords * (Limits.tagCharacters + 1))))
            .split(separator: " ").map(String.init)
            .filter {
                ($0.count >= 2 || query.count == 1) && $0.count <= Limits.tagCharacters && !Self.stopWords.contains($0)
                    && seen.insert($0).inserted
            }
            .prefix(Self.searchWords)
        guard !whole.isEmpty else { return [] }
        let wholeLength = whole.count
        var hits: [SearchHit] = []
        for member in members {
            var score = 0
            var reasons: [SearchHit.Reason] = []
            func note(_ reason: SearchHit.Reason) { if !reasons.contains(reason) { reasons.append(reason) } }

            let nameWords = Taxonomy.fold(member.name).split(separator: " ").map(String.init)
            for word in words where nameWords.contains(where: { $0.hasPrefix(word) }) || member.id.hasPrefix(word) {
                score += 8
                note(.name)
            }
            let taggedFields: [(TagKind, Int)] = [(.skills, 6), (.seeking, 5), (.offering, 5), (.interests, 4)]
            for (kind, weight) in taggedFields {
                for (position, tag) in Self.tags(of: member, kind).enumerated() {
                    let key = taxonomy.key(for: tag)
                    let levelBonus =
                        kind == .skills
                        ? (member.skills[position].level.map { $0 == .expert ? 4 : $0 == .intermediate ? 2 : 0 } ?? 0)
                        : 0
                    let level = kind == .skills ? member.skills[position].level : nil
                    let reason = SearchHit.Reason.tag(kind, tag, level: level)
                    let lineage = [key] + taxonomy.ancestors(of: key)
                    if lineage.contains(whole) {
                        score += 2 * weight + levelBonus
                        note(reason)
                        continue
                    }
                    let tagWords = key.split(separator: " ").map(String.init)
                    var matched = false
                    for word in words
                    where tagWords.contains(word) || (word.count >= 4 && tagWords.contains { $0.hasPrefix(word) }) {
                        score += weight + levelBonus
                        matched = true
                    }
                    if !matched, Self.isNear(whole, length: wholeLength, key) {
                        score += weight / 2 + levelBonus / 2
                        matched = true
                    }
                    if matched { note(reason) }
                }
            }
            let organization = Taxonomy.fold(member.organization ?? "")
            for word in words where organization.split(separator: " ").contains(where: { $0.hasPrefix(word) }) {
                score += 3
                note(.organization)
            }
            let bio = Taxonomy.fold(member.bio ?? "").split(separator: " ")
            for word in words where word.count >= 3 && bio.contains(where: { $0.hasPrefix(word) }) {
                score += 1
                note(.bio)
            }
            if score > 0 { hits.append(SearchHit(member: member, score: score, reasons: reasons)) }
        }
        return hits.sorted {
            ($0.score, TextFolding.fold($1.member.name)) > ($1.score, TextFolding.fold($0.member.name))
        }
    }

    /// The distinct words of a query that count.
    public static let searchWords = 32

    /// Words that say nothing on their own, in French and English.
    static let stopWords: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l", "d", "un", "une", "et", "en", "a", "au", "aux",
        "pour", "par", "sur", "the", "of", "and", "for", "in", "to", "with",
    ]

    /// A likely typo: one edit for words of four or five letters, two from six.
    static func isNear(_ typed: String, length: Int, _ key: String) -> Bool {
        guard length >= 4, length <= Limits.tagCharacters, abs(length - key.count) <= 2 else { return false }
        let allowed = length >= 6 ? 2 : 1
        return Suggestions.editDistance(typed, key) <= allowed
    }
}
