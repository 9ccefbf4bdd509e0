import Community
import Foundation
import Matchmaker

/// The community as a Graphviz graph: members coloured by role, the round's
/// pairs (or tables) in bold with their scores, and for context each
/// member's two strongest other affinities, faint.
enum DOTGraph {
    static func text(_ view: RoundView, session: Session) throws -> String {
        let directory = session.directory
        var lines = [
            "graph patio {",
            "  graph [overlap=false, splines=true, fontname=\"Helvetica\", label=\(quote((view.community ?? "Patio") + " — " + (view.name ?? "draft") + " (" + view.mode + ")"))];",
            "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=8];",
        ]
        let colors = ["student": "#a8dadc", "startup": "#f4d35e", "entrepreneur": "#f4978e"]
        for member in directory.members {
            lines.append(
                "  \(quote(member.id)) [label=\(quote(member.name)), fillcolor=\(quote(colors[member.role.rawValue] ?? "#dddddd"))];"
            )
        }
        var drawn = Set<MemberPair>()
        for group in view.groups {
            for (i, a) in group.people.enumerated() {
                for b in group.people[(i + 1)...] {
                    let pair = MemberPair(a.id, b.id)
                    guard drawn.insert(pair).inserted, directory[a.id] != nil, directory[b.id] != nil else { continue }
                    let label = group.people.count == 2 ? ", label=\(quote(Points.text(group.score)))" : ""
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
