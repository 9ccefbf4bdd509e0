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

    public mutating func addAlias(_ alias: String, for target: String) {
        let key = Self.fold(target)
        aliases[Self.fold(alias)] = key
        displayNames[key] = displayNames[key] ?? target
    }

    public mutating func addParent(_ parent: String, of child: String) {
        let childKey = key(for: child)
        let parentKey = key(for: parent)
        guard childKey != parentKey else { return }
        parents[childKey] = parentKey
        displayNames[parentKey] = displayNames[parentKey] ?? parent
        displayNames[childKey] = displayNames[childKey] ?? child
    }

    /// The key of a tag: folded, then through the aliases.
    public func key(for tag: String) -> String {
        let folded = Self.fold(tag)
        return aliases[folded] ?? folded
    }

    /// The chain of parents above a key, nearest first.
    public func ancestors(of key: String) -> [String] {
        var chain: [String] = []
        var current = key
        while let parent = parents[current], !chain.contains(parent), parent != key {
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
