/// How tags are compared: the same key for every way of writing one tag.
///
/// A tag's key ignores case, accents and spacing (`Réalité  virtuelle`,
/// `realite-virtuelle`), then follows the taxonomy's aliases (`UE5` →
/// `unreal engine`). Tags are shown as written; only keys are compared.
/// Parents (`blender` → `3d modeling`) give partial credit when a need is
/// met by something more specific.
public struct Taxonomy: Sendable, Equatable {
    /// Folded spelling → canonical key.
    public private(set) var aliases: [String: String]
    /// Key → parent key.
    public private(set) var parents: [String: String]
    /// Key → how the taxonomy writes it (for showing a canonical name).
    public private(set) var displayNames: [String: String]

    public init(aliases: [String: String] = [:], parents: [String: String] = [:]) {
        self.aliases = [:]
        self.parents = [:]
        displayNames = [:]
        for (alias, target) in aliases { addAlias(alias, for: target) }
        for (child, parent) in parents { addParent(parent, of: child) }
    }

    public static let empty = Taxonomy()

    /// Makes `alias` another way to write `target` (or the tag `target` is
    /// itself an alias of). An alias of another tag already stays so: that
    /// tag's key is returned, and nothing changes. Aliases of `alias` become
    /// aliases of its tag.
    @discardableResult
    public mutating func addAlias(_ alias: String, for target: String) -> String? {
        let key = self.key(for: target)
        let folded = Self.fold(alias)
        if let existing = aliases[folded], existing != key { return existing }
        displayNames[key] = displayNames[key] ?? target
        guard folded != key else { return nil }
        aliases[folded] = key
        for (other, tag) in aliases where tag == folded { aliases[other] = key }
        return nil
    }

    /// Puts `child` under `parent`. A tag has one parent: one under another
    /// tag already stays there, that tag's key is returned, and nothing changes.
    @discardableResult
    public mutating func addParent(_ parent: String, of child: String) -> String? {
        let childKey = key(for: child)
        let parentKey = key(for: parent)
        guard childKey != parentKey else { return nil }
        if let existing = parents[childKey], existing != parentKey { return existing }
        parents[childKey] = parentKey
        displayNames[parentKey] = displayNames[parentKey] ?? parent
        displayNames[childKey] = displayNames[childKey] ?? child
        return nil
    }

    /// Takes away one link of each cycle of parents (a key under itself,
    /// however far up), and says which: the child's key, then child and parent as the taxonomy writes them.
    /// The link taken away is the one that closed the cycle: the highest
    /// child in `order` (its place in the file), else the last met.
    /// Each key has one parent, so one walk up from each key finds them all.
    public mutating func breakCycles(order: [String: Int] = [:]) -> [(key: String, child: String, parent: String)] {
        var broken: [(key: String, child: String, parent: String)] = []
        var state: [String: Int] = [:]  // 1: on the walk being made, 2: done
        for start in parents.keys.sorted() where state[start] == nil {
            var walk: [String] = []
            var current = start
            while state[current] == nil, parents[current] != nil {
                state[current] = 1
                walk.append(current)
                current = parents[current]!
            }
            if state[current] == 1, let first = walk.firstIndex(of: current) {
                // The walk came back to itself: the cycle's link given last (by `order`) closed it.
                let cycle = walk[first...]
                let child = cycle.max { (order[$0] ?? -1, $1) < (order[$1] ?? -1, $0) }!
                let parent = parents[child]!
                broken.append((child, displayNames[child] ?? child, displayNames[parent] ?? parent))
                parents[child] = nil
            }
            for key in walk { state[key] = 2 }
        }
        return broken
    }

    /// The key of a tag: folded, then through the aliases.
    public func key(for tag: String) -> String {
        let folded = Self.fold(tag)
        return aliases[folded] ?? folded
    }

    /// The chain of parents above a key, nearest first, at most
    /// `Limits.taxonomyDepth` of them (a need is met partly by a narrower tag
    /// that many levels down at most).
    public func ancestors(of key: String) -> [String] {
        var chain: [String] = []
        var current = key
        while chain.count < Limits.taxonomyDepth, let parent = parents[current], parent != key,
            !chain.contains(parent)
        {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// Case, accents, punctuation and spacing folded away: `Réalité-virtuelle` → `realite virtuelle`.
    public static func fold(_ tag: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in TextFolding.fold(tag) {
            if character.isLetter || character.isNumber || character == "+" || character == "#" {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}

/// `Taxonomy.key(for:)` remembered tag by tag, for a pass over many members:
/// the same few tags come back member after member, and folding is slow.
public struct TagKeys: Sendable {
    public let taxonomy: Taxonomy
    private var known: [String: String] = [:]

    public init(_ taxonomy: Taxonomy) { self.taxonomy = taxonomy }

    public mutating func key(for tag: String) -> String {
        if let key = known[tag] { return key }
        let key = taxonomy.key(for: tag)
        known[tag] = key
        return key
    }

    /// The key of `tag`: the one found before, or folded now (and not kept).
    public func knownKey(for tag: String) -> String { known[tag] ?? taxonomy.key(for: tag) }
}
