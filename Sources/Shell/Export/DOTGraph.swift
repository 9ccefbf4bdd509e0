import Community
import Foundation
import Matchmaker

/// The community as a Graphviz graph: each pair or table of the round in a
/// box numbered as its card on the HTML sheet (with its score), members
/// coloured by role, those left alone outside, for context each member's two
/// strongest other affinities as faint dotted lines, and a legend. The
/// force-directed `fdp` layout keeps the boxes of 120 and more members
/// apart (`dot -Tsvg` or `fdp -Tsvg` on the file).
enum DOTGraph {
    static let colors = ["student": "#a8dadc", "startup": "#f4d35e", "entrepreneur": "#f4978e"]

    static func text(_ view: RoundView, session: Session) throws -> String {
        let directory = session.directory
        let language = view.language
        let t = language.text
        let title =
            (view.community ?? "Patio") + " — " + (view.name ?? t("draft", "brouillon")) + " (" + view.modeText + ")"
        var lines = [
            "graph patio {",
            "  graph [layout=fdp, overlap=prism, overlap_scaling=1.5, splines=true, outputorder=edgesfirst, K=0.6, fontname=\"Helvetica\", fontsize=18, labelloc=t, label=\(quote(title))];",
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, margin=\"0.06,0.03\"];",
            "  edge [fontname=\"Helvetica\", fontsize=8];",
        ]
        func node(_ id: String) -> String? {
            guard let member = directory[id] else { return nil }
            let wing = member.wing.map { t("wing \($0)", "aile \($0)") }
            let tooltip = [language.role(member.role), member.organization, wing].compactMap { $0 }.joined(
                separator: " · ")
            return
                "\(quote(member.id)) [label=\(quote(member.name)), fillcolor=\(quote(colors[member.role.rawValue] ?? "#dddddd")), tooltip=\(quote(tooltip))];"
        }
        var placed = Set<String>()
        var drawn = Set<MemberPair>()
        var groupLines: [String] = []
        for (index, group) in view.groups.enumerated() {
            lines.append("  subgraph \(quote("cluster_card_\(index + 1)")) {")
            lines.append(
                "    graph [label=\(quote("\(index + 1) · \(language.points(group.score))")), style=rounded, color=\"#c1121f\", penwidth=1.5, fontsize=10, fontcolor=\"#c1121f\"];"
            )
            for person in group.people where placed.insert(person.id).inserted {
                if let line = node(person.id) { lines.append("    " + line) }
            }
            lines.append("  }")
            for (i, a) in group.people.enumerated() {
                for b in group.people[(i + 1)...] {
                    let pair = MemberPair(a.id, b.id)
                    guard drawn.insert(pair).inserted, directory[a.id] != nil, directory[b.id] != nil else { continue }
                    groupLines.append(
                        "  \(quote(pair.first)) -- \(quote(pair.second)) [color=\"#c1121f\", penwidth=3];")
                }
            }
        }
        for member in directory.members where !placed.contains(member.id) {
            if let line = node(member.id) { lines.append("  " + line) }
        }
        lines.append(legend(in: language))
        lines += groupLines
        let model = try session.affinityModel()
        for a in directory.members.indices {
            let best = directory.members.indices.filter { $0 != a }.map { ($0, model.score(a, $0)) }
                .filter { $0.1 > 0 }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(2)
            for (b, _) in best {
                let pair = MemberPair(directory.members[a].id, directory.members[b].id)
                guard drawn.insert(pair).inserted else { continue }
                lines.append("  \(quote(pair.first)) -- \(quote(pair.second)) [color=\"#d0d0d0\", style=dotted];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One node that says what the colours and lines mean, kept whole as a table.
    static func legend(in language: Language) -> String {
        let t = language.text
        let escape = HTMLSheet.escape
        var rows = "<TR><TD><B>\(escape(t("Legend", "Légende")))</B></TD></TR>"
        for role in Role.allCases {
            rows += "<TR><TD BGCOLOR=\"\(colors[role.rawValue] ?? "#dddddd")\">\(escape(language.role(role)))</TD></TR>"
        }
        rows +=
            "<TR><TD><FONT COLOR=\"#c1121f\">\(escape(t("red box: a pair or table of the round (card number · score)", "cadre rouge : une paire ou une table du tour (numéro de fiche · score)")))</FONT></TD></TR>"
        rows +=
            "<TR><TD><FONT COLOR=\"#808080\">\(escape(t("dotted grey: each member's two strongest other affinities", "pointillés gris : les deux plus fortes autres affinités de chaque membre")))</FONT></TD></TR>"
        return
            "  \"legend\" [shape=plaintext, style=\"\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\(rows)</TABLE>>];"
    }

    /// A DOT string: in double quotes, with quotes and backslashes escaped, line breaks as \n.
    static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if character.unicodeScalars.contains(where: ControlCharacters.isDroppedWithBreaks) {
                    continue
                }
                result.append(character)
            }
        }
        return result + "\""
    }
}
