import Community
import Foundation

/// Calendar invitations (RFC 5545): one event a pair or table, at the
/// session's date and time in Europe/Paris, in the session's language; each
/// member with an e-mail contact is an attendee (the others are named in the
/// summary and can be told by hand).
enum ICSCalendar {
    static let zone = TimeZone(identifier: "Europe/Paris") ?? .gmt

    static func text(_ view: RoundView, session: Session, at: String?, minutes: Int, place: String?) throws -> String {
        let start = try startDate(at, now: session.environment.now())
        let end = start.addingTimeInterval(Double(minutes) * 60)
        let stamp = utc(session.environment.now())
        let language = view.language
        let t = language.text
        let location = place ?? "\(view.community ?? "La Serre numérique") — patio"
        let when = language.dateAndTime(start, in: zone)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Patio//\(view.community ?? "Patio")//FR", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
        ]
        for (index, group) in view.groups.enumerated() {
            let names = group.people.map(\.name)
            var description = t("When: \(when)\n", "Quand : \(when)\n")
            description +=
                t("Why you should talk:\n", "Pourquoi vous rencontrer :\n")
                + view.reasons(of: group, all: false, adjustments: false).map { "– " + $0 }.joined(separator: "\n")
            if let starter = view.starterText(of: group) {
                description += t("\nTo start: ", "\nPour lancer la conversation : ") + starter
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uid(view, index: index, group: group))",
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=Europe/Paris:\(local(start))",
                // An end whose local time comes twice (the clocks go back meanwhile) is given as a duration.
                isRepeated(end) ? "DURATION:PT\(minutes)M" : "DTEND;TZID=Europe/Paris:\(local(end))",
                "SUMMARY;LANGUAGE=\(language.tag):" + escape(t("Patio: ", "Patio : ") + names.joined(separator: " × ")),
                "LOCATION:" + escape(location),
                "DESCRIPTION;LANGUAGE=\(language.tag):" + escape(description),
            ]
            for person in group.people {
                guard let address = Self.address(person.contact) else { continue }
                lines.append(
                    "ATTENDEE;CN=\(parameter(person.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:\(address)"
                )
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// An e-mail address a calendar can invite, from a contact; nil when the contact is something else.
    static func address(_ contact: String?) -> String? {
        guard var text = contact?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.lowercased().hasPrefix("mailto:") { text.removeFirst(7) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !text.contains(where: { $0.isWhitespace || "<>\"();,:\\".contains($0) || $0.isNewline })
        else { return nil }
        return text
    }

    /// `2026-12-01T10:00` in Europe/Paris; tomorrow at 10:00 when not given.
    static func startDate(_ text: String?, now: Date) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let text else {
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: now)!
            return calendar.date(bySettingHour: 10, minute: 0, second: 0, of: tomorrow)!
        }
        let parts = text.split(whereSeparator: { "-T: ".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 || parts.count == 6,
            let date = calendar.date(
                from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])),
            calendar.component(.day, from: date) == parts[2], calendar.component(.month, from: date) == parts[1],
            (0..<24).contains(parts[3]), (0..<60).contains(parts[4])
        else {
            throw MatchCommandError.invalidDate(text)
        }
        // A time the clocks skip (02:30 when they go from 02:00 to 03:00) comes back as another: refused, not moved.
        guard calendar.component(.hour, from: date) == parts[3], calendar.component(.minute, from: date) == parts[4]
        else {
            throw MatchCommandError.skippedTime(text, zone: zone.identifier)
        }
        return date
    }

    /// Whether the local time of `date` in the calendar's zone comes twice (an hour before or after reads the same).
    static func isRepeated(_ date: Date) -> Bool {
        [-3600.0, 3600].contains { local(date.addingTimeInterval($0)) == local(date) }
    }

    static func local(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Stable for a given round and group, so that calendars update rather than duplicate.
    static func uid(_ view: RoundView, index: Int, group: RoundView.Group) -> String {
        let base =
            (view.name ?? "draft-\(view.seed)") + "-" + String(index + 1) + "-"
            + group.people.map(\.id).joined(separator: "+")
        let safe = base.unicodeScalars.map {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-+_.".unicodeScalars.contains($0))
                ? String($0) : "_"
        }.joined()
        return safe + "@patio.example.org"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            default:
                if character.unicodeScalars.contains(where: ControlCharacters.isDroppedWithBreaks) {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    /// A parameter value (CN=…): quoted, without quotes inside.
    static func parameter(_ text: String) -> String {
        "\""
            + text.filter {
                $0 != "\"" && !$0.isNewline && !$0.unicodeScalars.contains(where: ControlCharacters.isDropped)
            }
            + "\""
    }

    /// Lines longer than 75 octets go on as continuation lines starting with a space, never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var current = 0
        var limit = 75
        for character in line {
            let size = character.utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 0
                limit = 74
            }
            result.append(character)
            current += size
        }
        return result
    }
}
