import Community
import Foundation
import Matchmaker

/// A printable sheet of pairing cards for the patio board: who, from where,
/// why they should talk, and a first question.
enum HTMLSheet {
    /// The sheet; its day in `timeZone`, the machine's as for `rounds` and the round's default name.
    static func text(_ view: RoundView, timeZone: TimeZone = .current) -> String {
        let language = view.language
        let t = language.text
        let title = (["Patio", view.community, view.name ?? t("draft", "brouillon")].compactMap { $0 }).joined(
            separator: " · ")
        let date = language.day(view.date, in: timeZone)
        let groups =
            view.draftMode == .circles
            ? language.counted(view.groups.count, "table", "table")
            : language.counted(view.groups.count, "meeting", "rencontre")
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            :root { --student: #2a9d8f; --startup: #e9c46a; --entrepreneur: #e76f51; --ink: #1d2731; }
            body { font-family: "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem; }
            header h1 { margin: 0; font-size: 1.8rem; }
            header p { margin: .3rem 0 .6rem; color: #5b6770; }
            .legend { margin: 0 0 1.5rem; font-size: .85rem; color: #5b6770; }
            .legend .role { margin-right: .4rem; }
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
            .mentor { font-size: .7rem; font-weight: normal; text-transform: uppercase; letter-spacing: .06em; color: #5b6770; }
            .index { margin-top: 2rem; break-before: auto; }
            .index h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
            .index ol { columns: 3 14rem; list-style: none; padding: 0; margin: 0; font-size: .9rem; }
            .index li { break-inside: avoid; }
            .index .card-number { font-weight: bold; }
            footer { margin-top: 2rem; font-size: .85rem; color: #5b6770; }
            @media print { body { margin: 1cm; } .cards { grid-template-columns: 1fr 1fr; } header p { margin-bottom: .8rem; } }
            @page { size: A4; margin: 1cm; }
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(view.community ?? "Patio")) — \(t("at the patio", "au patio"))</h1>
            <p>\(escape(date)) · \(escape(language.mode(view.draftMode.rawValue))) · \(groups)</p>
            <p class="legend">\(legend(in: language))</p>
            </header>
            <main class="cards">

            """
        for (index, group) in view.groups.enumerated() {
            html += "<article class=\"card\" id=\"card-\(index + 1)\">\n<div class=\"number\">\(index + 1)</div>\n"
            html += "<div class=\"people\">\n"
            for (place, person) in group.people.enumerated() {
                // In mentoring the mentor comes last: said in words, not only by the arrow of the table.
                let isMentor = view.draftMode == .mentoring && place == group.people.count - 1
                var meta = [person.organization, person.wing.map { t("wing \($0)", "aile \($0)") }].compactMap { $0 }
                    .map(escape).joined(separator: " · ")
                if !meta.isEmpty { meta = " " + meta }
                let mentor = isMentor ? " <span class=\"mentor\">\(t("mentor", "mentor"))</span>" : ""
                html += "<div class=\"person\"><div class=\"name\">\(escape(person.name))\(mentor)</div>"
                html +=
                    "<div class=\"meta\"><span class=\"role \(escape(person.role))\">\(escape(view.role(of: person)))</span>\(meta)</div></div>\n"
            }
            html += "</div>\n"
            let reasons = view.reasons(of: group, all: false, adjustments: false)
            if !reasons.isEmpty {
                html +=
                    "<h2>\(t("Why you should talk", "Pourquoi vous rencontrer"))</h2>\n<ul>\n"
                    + reasons.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            }
            if let starter = view.starterText(of: group) {
                html +=
                    "<p class=\"starter\">\(t("To start: ", "Pour lancer la conversation : "))\(escape(starter))</p>\n"
            }
            if group.isPinned {
                html += "<p class=\"pinned\">\(t("a requested meeting", "une rencontre demandée"))</p>\n"
            }
            html += "</article>\n"
        }
        html += "</main>\n"
        html += index(of: view)
        html += "<footer>\n"
        if !view.unmatched.isEmpty {
            html +=
                "<p>\(t("No partner this time: ", "Sans partenaire cette fois : "))"
                + view.unmatched.map { escape($0.person.name) }.joined(separator: ", ") + ".</p>\n"
        }
        let summary = t(
            "Proposed by Patio · seed \(view.seed) · total score \(language.points(view.total))",
            "Proposé par Patio · graine \(view.seed) · score total \(language.points(view.total))")
        html += "<p>\(escape(summary)) · \(escape(view.guaranteeText))</p>\n"
        html += "</footer>\n</body>\n</html>\n"
        return html
    }

    /// Every name in alphabetical order with the number of its card, so that
    /// each person of a pair finds the card they are on.
    static func index(of view: RoundView) -> String {
        let t = view.language.text
        // One line a person (by id: two people may share a name), with every card they are on.
        var cards: [String: (name: String, cards: [Int])] = [:]
        for (index, group) in view.groups.enumerated() {
            for person in group.people { cards[person.id, default: (person.name, [])].cards.append(index + 1) }
        }
        guard !cards.isEmpty else { return "" }
        let entries = cards.values.sorted {
            let (a, b) = (TextFolding.fold($0.name), TextFolding.fold($1.name))
            return a != b ? a < b : $0.cards[0] < $1.cards[0]
        }
        var html =
            "<section class=\"index\">\n<h2>\(t("Who is on which card", "Qui est sur quelle fiche"))</h2>\n<ol>\n"
        for entry in entries {
            let links = entry.cards.map { "<a class=\"card-number\" href=\"#card-\($0)\">\($0)</a>" }
            html += "<li>\(escape(entry.name)) · " + links.joined(separator: ", ") + "</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// What each role colour means.
    static func legend(in language: Language) -> String {
        Role.allCases.map { "<span class=\"role \($0.rawValue)\">\(escape(language.role($0)))</span>" }.joined()
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
                if character != "\n",
                    character.unicodeScalars.contains(where: ControlCharacters.isDroppedWithBreaks)
                {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }
}
