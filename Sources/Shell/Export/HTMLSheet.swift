import Foundation

/// A printable sheet of pairing cards for the patio board: who, from where,
/// why they should talk, and a first question.
enum HTMLSheet {
    static func text(_ view: RoundView) -> String {
        let title = "Patio · " + (view.community ?? "") + " · " + (view.name ?? "draft")
        let date = view.date.formatted(
            Date.FormatStyle(
                date: .long, time: .omitted, locale: Locale(identifier: "en_GB"),
                timeZone: TimeZone(identifier: "Europe/Paris") ?? .gmt))
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            :root { --student: #2a9d8f; --startup: #e9c46a; --entrepreneur: #e76f51; --ink: #1d2731; }
            body { font-family: "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem; }
            header h1 { margin: 0; font-size: 1.8rem; }
            header p { margin: .3rem 0 1.5rem; color: #5b6770; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
            .card { border: 2px solid var(--ink); border-radius: .8rem; padding: 1rem 1.2rem; position: relative; break-inside: avoid; page-break-inside: avoid; }
            .number { position: absolute; top: .6rem; right: .9rem; font-size: 1.6rem; font-weight: bold; color: #c5ccd1; }
            .people { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; margin-bottom: .6rem; }
            .person .name { font-size: 1.2rem; font-weight: bold; }
            .person .meta { font-size: .85rem; color: #5b6770; }
            .role { display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: white; font-size: .75rem; }
            .role.student { background: var(--student); } .role.startup { background: var(--startup); color: var(--ink); } .role.entrepreneur { background: var(--entrepreneur); }
            .card h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; margin: .6rem 0 .2rem; color: #5b6770; }
            .card ul { margin: 0; padding-left: 1.1rem; font-size: .92rem; }
            .starter { margin: .7rem 0 0; font-style: italic; }
            .pinned { font-size: .75rem; color: #5b6770; }
            footer { margin-top: 2rem; font-size: .85rem; color: #5b6770; }
            @media print { body { margin: 1cm; } .cards { grid-template-columns: 1fr 1fr; } header p { margin-bottom: .8rem; } }
            @page { size: A4; margin: 1cm; }
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(view.community ?? "Patio")) — at the patio</h1>
            <p>\(escape(date)) · \(escape(modeLabel(view.mode))) · \(counted(view.groups.count, view.mode == "circles" ? "table" : "meeting"))</p>
            </header>
            <main class="cards">

            """
        for (index, group) in view.groups.enumerated() {
            html += "<article class=\"card\">\n<div class=\"number\">\(index + 1)</div>\n<div class=\"people\">\n"
            for person in group.people {
                var meta = [person.organization, person.wing.map { "wing \($0)" }].compactMap { $0 }.map(escape).joined(
                    separator: " · ")
                if !meta.isEmpty { meta = " " + meta }
                html += "<div class=\"person\"><div class=\"name\">\(escape(person.name))</div>"
                html +=
                    "<div class=\"meta\"><span class=\"role \(escape(person.role))\">\(escape(roleLabel(person.role)))</span>\(meta)</div></div>\n"
            }
            html += "</div>\n"
            let reasons = view.reasons(of: group)
            if !reasons.isEmpty {
                html +=
                    "<h2>Why you should talk</h2>\n<ul>\n" + reasons.map { "<li>\(escape($0))</li>\n" }.joined()
                    + "</ul>\n"
            }
            if let starter = view.starterText(of: group) {
                html += "<p class=\"starter\">To start: \(escape(starter))</p>\n"
            }
            if group.isPinned { html += "<p class=\"pinned\">a requested meeting</p>\n" }
            html += "</article>\n"
        }
        html += "</main>\n<footer>\n"
        if !view.unmatched.isEmpty {
            html +=
                "<p>No partner this time: " + view.unmatched.map { escape($0.person.name) }.joined(separator: ", ")
                + ".</p>\n"
        }
        html +=
            "<p>Proposed by Patio · seed \(view.seed) · total score \(escape(Points.text(view.total))) · \(escape(view.guaranteeText))</p>\n"
        html += "</footer>\n</body>\n</html>\n"
        return html
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20, scalar != "\n"
                {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    static func modeLabel(_ mode: String) -> String {
        switch mode {
        case "pairs": return "pairs"
        case "mentoring", "mentoring-stable": return "mentoring"
        case "circles": return "tables of three"
        default: return mode
        }
    }

    static func roleLabel(_ role: String) -> String {
        switch role {
        case "student": return "étudiant·e"
        case "startup": return "jeune pousse"
        case "entrepreneur": return "entrepreneur·e"
        default: return role
        }
    }
}
