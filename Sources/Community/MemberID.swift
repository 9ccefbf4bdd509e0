/// Member ids: lowercase ASCII letters, digits and hyphens, derived from names.
public enum MemberID {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !reserved.contains(id)
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }

    /// `Amélie Dupré` → `amelie-dupre`.
    public static func from(name: String) -> String {
        let folded = TextFolding.fold(name)
        var id = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !id.isEmpty { id.append("-") }
                pendingHyphen = false
                id.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return id.isEmpty ? "member" : id
    }

    /// Ids whose file names a profiles folder keeps for itself (`community.yaml`,
    /// `taxonomy.yaml`): no member has them, whatever a profile or a spreadsheet says.
    public static let reserved: Set<String> = ["community", "taxonomy"]

    /// `base`, or `base-2`, `base-3`, … the first not in `taken` nor reserved.
    public static func unique(_ base: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(base) || reserved.contains(base) else { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
