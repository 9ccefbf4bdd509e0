import Community
import Foundation
import Matchmaker

/// The community as a Graphviz graph: members coloured by role and grouped
/// by wing, the round's pairs (or tables) in bold with their scores, for
/// context each member's two strongest other affinities, faint, and a legend.
/// The force-directed `fdp` layout draws clusters and keeps 120 and more
/// members apart (`dot -Tsvg` or `fdp -Tsvg` on the file).
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
            "  graph [layout=fdp, overlap=prism, overlap_scaling=2, splines=true, outputorder=edgesfirst, K=0.9, fontname=\"Helvetica\", fontsize=18, labelloc=t, label=\(quote(title))];",
            "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=10, margin=\"0.05,0.02\"];",
            "  edge [fontname=\"Helvetica\", fontsize=8];",
        ]
        func node(_ member: Member) -> String {
            "\(quote(member.id)) [label=\(quote(member.name)), fillcolor=\(quote(colors[member.role.rawValue] ?? "#dddddd"))];"
        }
        let byWing = Dictionary(grouping: directory.members, by: \.wing)
        for wing in byWing.keys.compactMap({ $0 }).sorted() {
            lines.append("  subgraph \(quote("cluster_wing_\(wing)")) {")
            lines.append(
                "    graph [label=\(quote(t("Wing \(wing)", "Aile \(wing)"))), style=\"rounded,dashed\", color=\"#b0b7bd\", fontsize=12];"
            )
            for member in byWing[wing] ?? [] { lines.append("    " + node(member)) }
            lines.append("  }")
        }
        for member in byWing[nil] ?? [] { lines.append("  " + node(member)) }
        lines += legend(in: language)
        var drawn = Set<MemberPair>()
        for group in view.groups {
            for (i, a) in group.people.enumerated() {
                for b in group.people[(i + 1)...] {
                    let pair = MemberPair(a.id, b.id)
                    guard drawn.insert(pair).inserted, directory[a.id] != nil, directory[b.id] != nil else { continue }
                    let label = group.people.count == 2 ? ", label=\(quote(language.points(group.score)))" : ""
                    lines.append(
                        "  \(quote(pair.first)) -- \(quote(pair.second)) [color=\"#c1121f\", penwidth=3\(label)];")
                }
            }
        }
        let model = try session.affinityModel()
        for a in directory.members.indices {
            let best = directory.members.indices.filter { $0 != a }.map { ($0, model.score(a, $0)) }
                .filter { $0.1 > 0 }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(2)
            for (b, _) in best {
                let pair = MemberPair(directory.members[a].id, directory.members[b].id)
                guard drawn.insert(pair).inserted else { continue }
                lines.append("  \(quote(pair.first)) -- \(quote(pair.second)) [color=\"#c8c8c8\"];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A box that says what the colours and lines mean.
    static func legend(in language: Language) -> [String] {
        let t = language.text
        var lines = [
            "  subgraph \"cluster_legend\" {",
            "    graph [label=\(quote(t("Legend", "Légende"))), style=rounded, color=\"#5b6770\", fontsize=12];",
        ]
        for role in Role.allCases {
            lines.append(
                "    \(quote("legend-" + role.rawValue)) [shape=box, label=\(quote(language.role(role))), fillcolor=\(quote(colors[role.rawValue] ?? "#dddddd"))];"
            )
        }
        lines.append(
            "    \"legend-pair\" [shape=plaintext, style=\"\", label=\(quote(t("red, bold: this round's pairs and tables, with their scores", "rouge, gras : les paires et tables du tour, avec leur score")))];"
        )
        lines.append(
            "    \"legend-context\" [shape=plaintext, style=\"\", label=\(quote(t("grey: each member's two strongest other affinities", "gris : les deux plus fortes autres affinités de chaque membre")))];"
        )
        lines.append("  }")
        return lines
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
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20 { continue }
                result.append(character)
            }
        }
        return result + "\""
    }
}
