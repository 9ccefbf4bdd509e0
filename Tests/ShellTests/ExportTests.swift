import Community
import Foundation
import Matching
import Testing

@testable import Shell

/// Every export, read back by something that does not trust it.
struct ExportTests {
    static let members = [
        Member(
            id: "amelie-dupre", name: "Amélie Dupré", role: .student, organization: "École de jeu vidéo", wing: 3,
            interests: ["motion capture"], seeking: ["rigging", "levée de fonds"], offering: ["game design"],
            contact: "amelie.dupre@example.org"),
        Member(
            id: "formula", name: "=HYPERLINK(\"http://x\",\"clic\")", role: .startup,
            organization: "+33 Studio; \"Quotes\", commas",
            interests: ["motion capture"], seeking: ["game design"], offering: ["rigging"]),
        Member(
            id: "script", name: "<script>alert('x')</script> Zoé", role: .entrepreneur,
            organization: "Nord \"Capital\"",
            seeking: ["stage"], offering: ["levée de fonds", "mentoring"], contact: "zoe@example.org",
            bio: "Line one\nline two"),
        Member(
            id: "long-name", name: "Jean-Noël Lefèvre-Crépin de la Grande Serre Numérique de Valenciennes",
            role: .student,
            interests: ["motion capture"], seeking: ["mentoring"], offering: ["stage"]),
    ]

    static func session(in folder: URL, match: String = "match pairs --everyone") throws -> (Session, RecordingConsole)
    {
        let profiles = folder.appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        for member in members { _ = try ProfileWriter.write(member, into: profiles.path, replacing: true) }
        let console = RecordingConsole()
        var session = Session(
            console: console,
            environment: Environment(workingDirectory: folder.path, now: { Date(timeIntervalSince1970: 1_796_112_000) })
        )
        #expect(Interpreter.execute("load profiles", at: nil, in: &session) == .succeeded)
        #expect(Interpreter.execute(match, at: nil, in: &session) == .succeeded)
        return (session, console)
    }

    func export(
        _ name: String, _ extra: String = "", match: String = "match pairs --everyone", language: Language = .en
    ) throws -> (text: String, draftTotal: Int64) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try Self.session(in: folder, match: match)
        session.settings.language = language
        #expect(
            Interpreter.execute("export \(name) \(extra)", at: nil, in: &session) == .succeeded, "\(console.errors)")
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return (text, session.matchmaking.draft!.total)
    }

    /// Text from profiles holding control characters (ESC starts the
    /// sequences that recolour or clear a terminal, DEL, a C1 control, a
    /// bidirectional override) is
    /// written into no exported file: `cat` on any of them is safe, and a
    /// calendar holds no character RFC 5545 forbids.
    @Test func noExportCarriesAControlCharacter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        let members = [
            Member(
                id: "mallory", name: "Mallory \u{1B}[31mRouge\u{1B}[0m\u{7F}", role: .student,
                organization: "Org \u{1B}[2J\u{9B} \u{202E}lave\u{2066}", interests: ["motion capture"],
                seeking: ["rigging"],
                contact: "mallory@example.org", bio: "bio \u{1B}]0;title\u{07}"),
            Member(
                id: "zoe", name: "Zoé", role: .startup, interests: ["motion capture"], offering: ["rigging"],
                contact: "zoe@example.org"),
        ]
        for member in members { _ = try ProfileWriter.write(member, into: profiles.path, replacing: true) }
        let console = RecordingConsole()
        var session = Session(console: console, environment: Environment(workingDirectory: folder.path))
        for command in ["load profiles", "match pairs"] + ExportCommand.formats.map({ "export out.\($0)" }) {
            #expect(Interpreter.execute(command, at: nil, in: &session) == .succeeded, "\(command): \(console.errors)")
        }
        for format in ExportCommand.formats {
            let text = try String(contentsOf: folder.appendingPathComponent("out.\(format)"), encoding: .utf8)
            let controls = text.unicodeScalars.filter {
                ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value)
                    || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
            #expect(controls.isEmpty, "\(format): \(controls.map { String($0.value, radix: 16) })")
        }
    }

    /// A start the clocks skip (Europe/Paris, last Sunday of March, 02:00 to 03:00) is refused, not
    /// moved an hour; the hour that comes twice in October is a time like any other.
    @Test func aSkippedTimeIsRefused() throws {
        let now = Date(timeIntervalSince1970: 1_796_112_000)
        #expect(throws: MatchCommandError.skippedTime("2026-03-29T02:30", zone: "Europe/Paris")) {
            try ICSCalendar.startDate("2026-03-29T02:30", now: now)
        }
        let before = try ICSCalendar.startDate("2026-03-29T01:30", now: now)
        let after = try ICSCalendar.startDate("2026-03-29T03:00", now: now)
        #expect(after.timeIntervalSince(before) == 30 * 60)
        #expect(ICSCalendar.local(try ICSCalendar.startDate("2026-10-25T02:30", now: now)) == "20261025T023000")
    }

    /// A meeting whose end comes in the hour the clocks pass twice (the last
    /// Sunday of October) is given a duration: as a local time its end would
    /// read as before its start, or at it.
    @Test func anEndInTheHourThatComesTwiceIsADuration() throws {
        for (at, minutes) in [("2026-10-25T02:30", 45), ("2026-10-25T02:00", 60), ("2026-10-25T01:30", 90)] {
            let text = try export("round.ics", "--at \(at) --minutes \(minutes)").text
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.filter { $0 == "DURATION:PT\(minutes)M" }.count == 2, "\(at)")
            #expect(!lines.contains { $0.hasPrefix("DTEND") }, "\(at)")
        }
        let plain = try export("round.ics", "--at 2026-10-25T03:30 --minutes 45").text
        #expect(plain.contains("DTEND;TZID=Europe/Paris:20261025T041500"))
    }

    @Test func csvReadsBackAndNeutralisesFormulas() throws {
        let parsed = try CSVReader.parse(try export("round.csv").text)
        #expect(
            parsed.records[0].cells == [
                "round", "group", "member_id", "name", "role", "organization", "with", "score", "why", "starter",
            ])
        #expect(parsed.records.count == 5)
        let formula = try #require(parsed.records.first { $0.cells[2] == "formula" })
        #expect(formula.cells[3] == "'=HYPERLINK(\"http://x\",\"clic\")")
        #expect(formula.cells[5] == "'+33 Studio; \"Quotes\", commas")
        #expect(parsed.records.allSatisfy { $0.cells.count == 10 })
    }

    /// A file with no extension is told the format comes from the extension,
    /// with or without an option: not that the option does not apply to '.'.
    @Test func aFileWithNoExtensionIsToldWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try Self.session(in: folder)
        for line in ["export sheet", "export sheet --round r1", "export sheet --at 2026-12-08T10:00"] {
            console.clear()
            #expect(Interpreter.execute(line, at: nil, in: &session) == .failed)
            #expect(console.errors.hasPrefix("error: the file name says the format by its extension"), "\(line)")
        }
    }

    /// The Markdown export gives every reason of every group, as the CSV and JSON do.
    @Test func markdownGivesEveryReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, _) = try Self.session(in: folder)
        #expect(Interpreter.execute("export round.md", at: nil, in: &session) == .succeeded)
        let text = try String(contentsOf: folder.appendingPathComponent("round.md"), encoding: .utf8)
        let view = RoundView(draft: try #require(session.matchmaking.draft), directory: session.directory)
        let reasons = view.groups.flatMap { view.reasons(of: $0) }
        #expect(reasons.count > view.groups.count * RoundView.reasonsShown, "some group has more than the cards show")
        // As Markdown writes them: angle brackets escaped.
        for reason in reasons {
            let written = reason.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: ">", with: "\\>")
            #expect(text.contains(written), "\(reason)")
        }
    }

    @Test func jsonIsTheDraftContract() throws {
        let (text, total) = try export("round.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["mode"] as? String == "pairs")
        #expect((object["total"] as? NSNumber)?.int64Value == total)
        #expect((object["groups"] as? [[String: Any]])?.count == 2)
    }

    @Test func icsFollowsRFC5545() throws {
        let text = try export("round.ics", "--at 2026-12-08T10:00 --minutes 20").text
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "lines fold at 75 octets")
        #expect(!lines.contains { $0.contains("\n") }, "no bare line feed")
        // Unfold, then read the fields.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(unfolded.filter { $0 == "END:VEVENT" }.count == 2)
        #expect(unfolded.first == "BEGIN:VCALENDAR" && unfolded.dropLast().last == "END:VCALENDAR")
        #expect(unfolded.filter { $0 == "DTSTART;TZID=Europe/Paris:20261208T100000" }.count == 2)
        #expect(unfolded.filter { $0 == "DTEND;TZID=Europe/Paris:20261208T102000" }.count == 2)
        #expect(
            unfolded.contains {
                $0.hasPrefix("SUMMARY;LANGUAGE=en:Patio: ")
                    && $0.contains("Jean-Noël Lefèvre-Crépin de la Grande Serre Numérique de Valenciennes")
            })
        #expect(
            unfolded.contains(
                "ATTENDEE;CN=\"Amélie Dupré\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:amelie.dupre@example.org"
            ))
        #expect(
            unfolded.contains {
                $0.hasPrefix(
                    "DESCRIPTION;LANGUAGE=en:When: Tuesday 8 December 2026 at 10:00\\nWhy you should talk:\\n– ")
            })
        #expect(Set(unfolded.filter { $0.hasPrefix("UID:") }).count == 2, "each event has its own UID")
        for line in unfolded
        where line.hasPrefix("SUMMARY") || line.hasPrefix("DESCRIPTION") || line.hasPrefix("LOCATION:") {
            let value = line.drop { $0 != ":" }.dropFirst()
            // Commas and semicolons in TEXT values are escaped.
            var previous: Character = " "
            for character in value {
                if character == "," || character == ";" {
                    #expect(previous == "\\", "unescaped '\(character)' in \(line)")
                }
                previous = character
            }
        }
    }

    @Test func dotFollowsTheGrammar() throws {
        let text = try export("round.dot").text
        var tokens = DOTTokens(text)
        let header = [tokens.next(), tokens.next(), tokens.next()]
        #expect(header == ["graph", "patio", "{"])
        var edges = 0
        var clusters = 0
        var legends = 0
        var depth = 0
        while let token = tokens.next(), token != "}" || depth > 0 {
            switch token {
            case "subgraph":
                let name = tokens.next()
                #expect(name?.hasPrefix("\"cluster_") == true, "a cluster: \(name ?? "")")
                #expect(tokens.next() == "{")
                depth += 1
                clusters += 1
                continue
            case "}":
                depth -= 1
                continue
            case "graph", "node", "edge":
                let wellFormed = tokens.attributes()
                #expect(wellFormed)
            default:
                #expect(token.hasPrefix("\""), "an id is quoted: \(token)")
                if token == "\"legend\"" { legends += 1 }
                if tokens.peek() == "--" {
                    _ = tokens.next()
                    let other = tokens.next()
                    #expect(other?.hasPrefix("\"") == true)
                    edges += 1
                }
                if tokens.peek() == "[" {
                    let wellFormed = tokens.attributes()
                    #expect(wellFormed)
                }
            }
            let end = tokens.next()
            #expect(end == ";")
        }
        let rest = tokens.next()
        #expect(rest == nil)
        #expect(edges >= 2)
        #expect(clusters == 2, "each pair in its own box")
        #expect(legends == 1, "a legend")
        #expect(text.contains("layout=fdp"))
        #expect(text.components(separatedBy: "penwidth=3").count - 1 == 2, "the two pairs are highlighted")
        #expect(text.contains(#"label="=HYPERLINK(\"http://x\",\"clic\")""#), "quotes inside labels are escaped")
    }

    /// The sheet's day is the one `rounds` shows: in the machine's time zone, not a fixed one.
    @Test func theSheetsDayIsInTheMachinesTimeZone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, _) = try Self.session(in: folder)
        var view = RoundView(draft: try #require(session.matchmaking.draft), directory: session.directory)
        // Half past eleven at night in London is half past midnight, the day after, in Paris.
        view.date = Date(timeIntervalSince1970: 1_796_427_000)
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        #expect(HTMLSheet.text(view, timeZone: london).contains(Language.en.day(view.date, in: london)))
        #expect(Language.en.day(view.date, in: london).contains("4 December"))
        #expect(HTMLSheet.text(view, timeZone: paris).contains("5 December"))
        #expect(HTMLSheet.text(view).contains(Language.en.day(view.date)), "the machine's zone when none is given")
        // --at gives the day of the meetings, not the day the round was made.
        var harness = (try Self.session(in: folder)).0
        #expect(Interpreter.execute("export m.html --at 2026-12-08T10:00", at: nil, in: &harness) == .succeeded)
        let sheet = try String(contentsOf: folder.appendingPathComponent("m.html"), encoding: .utf8)
        #expect(sheet.contains("Tuesday 8 December 2026"))
        #expect(Interpreter.execute("export m.html --at 2026-13-08T10:00", at: nil, in: &harness) == .failed)
    }

    @Test func htmlEscapesWhatItShows() throws {
        let text = try export("sheet.html").text
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Zoé"))
        #expect(text.contains("Amélie Dupré"))
        #expect(text.components(separatedBy: "<article class=\"card\"").count - 1 == 2)
        #expect(text.components(separatedBy: "<article").count == text.components(separatedBy: "</article>").count)
    }

    /// The guarantee travels with the round: in the JSON as facts, on the sheet in words.
    @Test func theGuaranteeIsInEveryExport() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try export("round.json").text.utf8)) as? [String: Any])
        let guarantee = try #require(json["guarantee"] as? [String: Any])
        #expect(guarantee["claim"] as? String == "optimal")
        #expect(guarantee["coverage"] as? String == "every_admissible_pair")
        #expect(guarantee["cardinality_first"] as? Bool == true)
        #expect(guarantee["members"] as? Int == Self.members.count)
        let html = try export("sheet.html").text
        #expect(
            html.contains(
                "optimal (proved over every admissible pair of the 4 members, among the pairings with the most pairs)"))
        let circles = try export("sheet.html", match: "match circles --any-roles").text
        #expect(circles.contains("of the best possible: no grouping of the 4 members into 1 table can pass"))
    }

    @Test func markdownHasTheTable() throws {
        let text = try export("round.md").text
        #expect(text.contains("| # | members | score | why |"))
        #expect(text.contains("## Draft: pairs"))
    }

    @Test func aProducerErrorLeavesNoFile() throws {
        struct Stop: Error {}
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("half.graph").path
        #expect(throws: (any Error).self) {
            try AtomicFile.write(to: path) { (output: inout AtomicFile.Output) throws(Stop) in
                output.write(String(repeating: "0 1 1\n", count: 400_000))
                throw Stop()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func unknownFormatsAndMissingFoldersAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try Self.session(in: folder)
        #expect(Interpreter.execute("export out.pdf", at: nil, in: &session) == .failed)
        #expect(Interpreter.execute("export nowhere/out.csv", at: nil, in: &session) == .failed)
        #expect(console.errors.contains("unknown export format '.pdf'"))
        #expect(console.errors.contains("cannot write nowhere/out.csv: there is no folder nowhere"))
    }
}

/// Tokens of the DOT language: quoted strings, words, punctuation, `--`.
struct DOTTokens {
    private var tokens: [String] = []
    private var position = 0

    init(_ text: String) {
        var current = ""
        var inString = false
        var escaped = false
        // An HTML-like label, `<…>` with `<…>` inside: one token.
        var htmlDepth = 0
        for character in text {
            if htmlDepth > 0 {
                current.append(character)
                if character == "<" { htmlDepth += 1 }
                if character == ">" { htmlDepth -= 1 }
                if htmlDepth == 0 {
                    tokens.append(current)
                    current = ""
                }
                continue
            }
            if character == "<" && current.isEmpty {
                current = "<"
                htmlDepth = 1
                continue
            }
            if inString {
                current.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    tokens.append(current)
                    current = ""
                    inString = false
                }
                continue
            }
            if character == "\"" {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                current = "\""
                inString = true
            } else if "{}[];=,".contains(character) {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                tokens.append(String(character))
            } else if character.isWhitespace {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
    }

    mutating func next() -> String? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    func peek() -> String? { position < tokens.count ? tokens[position] : nil }

    /// `[name=value, …]`: true when well formed.
    mutating func attributes() -> Bool {
        guard next() == "[" else { return false }
        while let name = next() {
            if name == "]" { return true }
            guard next() == "=", next() != nil else { return false }
            if peek() == "," { _ = next() }
        }
        return false
    }
}

/// The exports people look at, in French.
struct FrenchExportTests {
    let exports = ExportTests()

    @Test func theSheetIsFrenchWithAnIndexAndALegend() throws {
        let text = try exports.export("feuille.html", language: .fr).text
        #expect(text.contains("<html lang=\"fr\">"))
        #expect(text.contains("Pourquoi vous rencontrer"))
        #expect(text.contains("Pour lancer la conversation\u{A0}: "))
        #expect(!text.contains("Why you should talk") && !text.contains("To start"))
        // Every name is in the index, alphabetically, with the number of its card.
        let index = try #require(text.components(separatedBy: "<section class=\"index\">").last)
        let names = ["Amélie Dupré", "=HYPERLINK(\"http://x\",\"clic\")", "Jean-Noël", "&lt;script&gt;"]
        for name in names { #expect(index.contains(HTMLSheet.escape(name)) || index.contains(name), "\(name)") }
        let amelie = try #require(index.range(of: "Amélie Dupré"))
        let jean = try #require(index.range(of: "Jean-Noël"))
        #expect(amelie.lowerBound < jean.lowerBound)
        #expect(index.contains("href=\"#card-1\"") && index.contains("href=\"#card-2\""))
        #expect(text.contains("id=\"card-1\"") && text.contains("id=\"card-2\""))
        #expect(!index.contains("<script>"))
        // The legend names the three roles as the profiles do.
        #expect(text.contains("<span class=\"role student\">étudiant·e</span>"))
        #expect(text.contains("<span class=\"role startup\">jeune pousse</span>"))
        #expect(text.contains("<span class=\"role entrepreneur\">entrepreneur·e</span>"))
    }

    @Test func invitationsInFrenchWithAnAttendeePerContact() throws {
        let text = try exports.export("rendez-vous.ics", "--at 2026-12-08T10:00", language: .fr).text
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.contains { $0.hasPrefix("SUMMARY;LANGUAGE=fr:Patio\u{A0}: ") })
        #expect(
            unfolded.contains {
                $0.hasPrefix(
                    "DESCRIPTION;LANGUAGE=fr:Quand\u{A0}: mardi 8 décembre 2026 à 10\u{A0}h\\nPourquoi vous rencontrer")
            })
        // Two of the four members have an e-mail address: two attendees, no invented address.
        let attendees = unfolded.filter { $0.hasPrefix("ATTENDEE") }
        #expect(attendees.count == 2)
        #expect(attendees.contains { $0.hasSuffix("mailto:amelie.dupre@example.org") })
        #expect(attendees.contains { $0.hasSuffix("mailto:zoe@example.org") })
        #expect(!text.contains("@invalid"))
        #expect(!text.contains("Why you should talk"))
    }

    @Test func theGraphHasClustersALegendAndFrenchWords() throws {
        let text = try exports.export("communaute.dot", language: .fr).text
        #expect(text.contains("layout=fdp"))
        #expect(text.contains("subgraph \"cluster_card_1\""))
        #expect(text.contains("subgraph \"cluster_card_2\""))
        #expect(text.contains("<B>Légende</B>"))
        #expect(text.contains(">jeune pousse</TD>"))
        #expect(text.contains("cadre rouge\u{A0}: une paire ou une table du tour"))
        #expect(text.contains("tooltip=\"étudiant·e · École de jeu vidéo · aile 3\""))
    }

    @Test func csvHeadersStayTheSameInFrench() throws {
        let parsed = try CSVReader.parse(try exports.export("tour.csv", language: .fr).text)
        #expect(
            parsed.records[0].cells == [
                "round", "group", "member_id", "name", "role", "organization", "with", "score", "why", "starter",
            ])
        #expect(parsed.records.dropFirst().contains { $0.cells[4] == "étudiant·e" })
        #expect(parsed.records.dropFirst().allSatisfy { $0.cells[7].contains(",") || !$0.cells[7].contains(".") })
    }

    @Test func theJSONCarriesCodesBesideTheFrenchText() throws {
        let text = try exports.export("tour.json", language: .fr).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        for group in groups {
            let facts = try #require(group["reason_facts"] as? [[String: Any]])
            let texts = try #require(group["reasons"] as? [String])
            #expect(!facts.isEmpty && facts.allSatisfy { $0["code"] is String })
            #expect(facts.count <= texts.count)
        }
        let guarantee = try #require(object["guarantee"] as? [String: Any])
        #expect(guarantee["claim"] as? String == "optimal")
        #expect((guarantee["text"] as? String)?.hasPrefix("optimal (prouvé") == true)
    }
}
