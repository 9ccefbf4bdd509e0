/// "Did you mean": the valid word nearest to a mistyped one.
public enum Suggestions {
    /// How far a suggestion may be from the word typed.
    public enum Reach: Sendable {
        /// The nearest name there is, unless it has nothing in common with the
        /// word: for names of commands, options and settings.
        case nearestName
        /// Only a likely typo (about one edit in three letters, rounded up): for values,
        /// where the message lists the valid ones anyway.
        case likelyTypo
    }

    /// The candidate nearest to `word`: a candidate that `word` begins (or that
    /// begins with `word`) first, then the smallest edit distance (insertions,
    /// deletions, substitutions and swaps of neighbours, ignoring case and
    /// accents), then the longest shared beginning, then alphabetical order.
    /// `nil` when there are no candidates or none within `reach`.
    ///
    /// A word longer than `Limits.suggestionCharacters` gets no suggestion, and
    /// a candidate whose length alone puts it out of reach is not aligned at
    /// all: the time stays proportional to the candidates, however long the
    /// word typed.
    public static func nearest(
        to word: String, among candidates: some Sequence<String>, reach: Reach = .nearestName
    ) -> String? {
        // A word longer than any name is not a typo of one.
        guard word.index(word.startIndex, offsetBy: Limits.suggestionCharacters + 1, limitedBy: word.endIndex) == nil
        else { return nil }
        let key = TextFolding.fold(word)
        if reach == .likelyTypo && key.count < 3 { return nil }  // one or two characters: any other is as likely
        var best: (candidate: String, rank: (Int, Int, Int))?
        for candidate in candidates {
            let folded = TextFolding.fold(String(candidate.prefix(Limits.suggestionCharacters)))
            let sharedPrefix = zip(key, folded).prefix { $0 == $1 }.count
            let isPrefixRelated = !key.isEmpty && (folded.hasPrefix(key) || key.hasPrefix(folded))
            let limit = reach == .nearestName ? max(key.count, folded.count) - 1 : max(1, (key.count + 1) / 3)
            // The distance is at least the difference in length.
            guard abs(key.count - folded.count) <= limit || isPrefixRelated else { continue }
            let distance = editDistance(key, folded)
            guard distance <= limit || isPrefixRelated else { continue }
            let rank = (isPrefixRelated ? 0 : 1, distance, -sharedPrefix)
            if let current = best, current.rank < rank || (current.rank == rank && current.candidate <= candidate) {
                continue
            }
            best = (candidate, rank)
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: the edits needed to turn `a` into `b`
    /// when an edit inserts, deletes or replaces a character or swaps two neighbours.
    ///
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
