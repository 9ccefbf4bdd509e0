import Foundation
import Testing

@testable import Community

struct SpreadsheetImportTests {
    @Test func aFrenchFormExportWithEveryAccent() throws {
        let result = SpreadsheetImport.read(
            Fixtures.data("csv/inscriptions-fr.csv"), path: "inscriptions-fr.csv", taken: ["amelie-dupre"])
        #expect(result.members.map(\.id) == ["amelie-dupre-2", "noel-lefevre-crepin", "amelie-dupre-3"])
        let amelie = result.members[0]
        #expect(amelie.name == "Amélie Dupré")
        #expect(amelie.role == .student)
        #expect(amelie.skills == [Skill("Blender", level: .expert), Skill("rigging")])
        #expect(amelie.interests == ["motion capture", "réalité virtuelle"])
        #expect(amelie.languages == ["fr", "en"])
        #expect(amelie.availability == ["tue-pm"])
        #expect(amelie.bio == "Première ligne;\nseconde ligne avec \"guillemets\".")
        #expect(result.members[1].role == .startup)
        #expect(result.members[1].seeking == ["levée de fonds", "business plan"])
        #expect(result.members[2].role == .entrepreneur)
        #expect(result.members[2].availability == ["thu-am", "fri-eve"])
        #expect(
            result.diagnostics == [
                Diagnostic(
                    path: "inscriptions-fr.csv", line: 1, column: 1, .unusedColumns(["Horodateur"]), severity: .note),
                Self.at(
                    Diagnostic(
                        path: "inscriptions-fr.csv", line: 5, column: 26,
                        .rowUnknownRole("astronaute", name: "Zoé Ærø", suggestion: nil)),
                    3, "Rôle", "Zoé Ærø"),
            ])
    }

    /// "Prénom" beside a plain "Nom", as French forms have it: the name is
    /// both; a full name beside first or last names is the name, and the
    /// others are said unused rather than dropped without a word.
    @Test func aFirstNameBesideAPlainNameColumn() {
        let french = SpreadsheetImport.read(
            Data("Prénom;Nom;Rôle\nNoé;Petit;étudiant\nLou;Vert;startup\n".utf8), path: "pn.csv")
        #expect(french.members.map(\.name) == ["Noé Petit", "Lou Vert"])
        #expect(french.members.map(\.id) == ["noe-petit", "lou-vert"])
        #expect(french.diagnostics.isEmpty)
        #expect(french.mapping.map(\.field) == ["first name", "last name", "role"])
        let english = SpreadsheetImport.read(Data("Name,First name,Role\nCarter,Emily,student\n".utf8), path: "e.csv")
        #expect(english.members.map(\.name) == ["Emily Carter"])
        let full = SpreadsheetImport.read(
            Data("Prénom,Nom complet,Nom de famille,Rôle\nNoé,Noé Petit-Lenoir,Petit,étudiant\n".utf8), path: "f.csv")
        #expect(full.members.map(\.name) == ["Noé Petit-Lenoir"])
        #expect(
            full.diagnostics == [
                Diagnostic(
                    path: "f.csv", line: 1, column: 1, .unusedColumns(["Prénom", "Nom de famille"]), severity: .note)
            ])
        let mapped = SpreadsheetImport.read(
            Data("Prénom,Nom,Rôle\nNoé,Noé Petit,étudiant\n".utf8), path: "m.csv", mapping: ["Nom": "name"])
        #expect(mapped.members.map(\.name) == ["Noé Petit"], "a column mapped by hand is as it was mapped")
    }

    @Test func englishHeadersAndOtherListSeparators() {
        let result = SpreadsheetImport.read(Fixtures.data("csv/english.csv"), path: "english.csv")
        #expect(result.members.map(\.name) == ["Emily Carter", "Kenji Watanabe"])
        #expect(result.members[0].skills.map(\.name) == ["Blender", "Maya"])
        #expect(result.members[0].languages == ["en"])
        #expect(result.members[1].skills.map(\.name) == ["level design", "game design"])
        #expect(result.members[1].languages == ["ja", "en"])
        #expect(
            result.diagnostics == [
                // At the first cell past the header's.
                Self.at(
                    Diagnostic(path: "english.csv", line: 4, column: 23, .tooManyCells(cells: 7, columns: 5)), 5, nil,
                    "bad")
            ])
    }

    @Test func tabsAndWindows1252() {
        let tabs = SpreadsheetImport.read(Fixtures.data("csv/tabs.tsv"), path: "tabs.tsv")
        #expect(tabs.members.map(\.offering) == [["UX research", "tests utilisateurs"]])
        let excel = SpreadsheetImport.read(Fixtures.data("csv/excel-1252.csv"), path: "excel.csv")
        #expect(excel.members.map(\.name) == ["François Léger"])
        #expect(excel.diagnostics.first?.severity == .note)
    }

    @Test func aManualMapping() {
        let data = Data("Qui;Statut;Savoir-faire\nLéa Martin;startup;UX research\n".utf8)
        let guessed = SpreadsheetImport.read(data, path: "x.csv")
        #expect(guessed.members.isEmpty)
        #expect(guessed.diagnostics.last?.problem == .noNameColumn)
        let mapped = SpreadsheetImport.read(data, path: "x.csv", mapping: ["Qui": "name", "Savoir-faire": "skills"])
        #expect(mapped.members.map(\.name) == ["Léa Martin"])
        #expect(mapped.members.first?.skills == [Skill("UX research")])
    }

    @Test func aFileWithoutANameColumn() {
        let result = SpreadsheetImport.read(Fixtures.data("csv/no-name.csv"), path: "no-name.csv")
        #expect(result.members.isEmpty)
        #expect(result.diagnostics.count == 1)
    }
}

extension SpreadsheetImportTests {
    /// A skill cell read as a profile file's skills are: a level mistyped is
    /// said and left out of the name, a skill with no name is said and left
    /// out, and the rest of the row goes on.
    @Test func skillsWithoutANameOrWithAnUnknownLevelAreSaid() {
        let data = Data("nom;rôle;compétences\nLéa Martin;startup;Blender (expret), (expert), Maya: expert\n".utf8)
        let result = SpreadsheetImport.read(data, path: "x.csv")
        #expect(result.members.first?.skills == [Skill("Blender"), Skill("Maya", level: .expert)])
        #expect(
            result.diagnostics == [
                Self.at(
                    Diagnostic(
                        path: "x.csv", line: 2, column: 20, .unknownLevel("expret", suggestion: "expert"),
                        severity: .warning), 2, "compétences", "Léa Martin"),
                Self.at(
                    Diagnostic(path: "x.csv", line: 2, column: 20, .skillWithoutName("(expert)"), severity: .warning),
                    2, "compétences", "Léa Martin"),
            ])
    }

    /// `diagnostic` in column `index` titled `title`, of `member`'s row.
    static func at(_ diagnostic: Diagnostic, _ index: Int, _ title: String?, _ member: String? = nil) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.cell = Diagnostic.Cell(index: index, title: title)
        diagnostic.member = member
        return diagnostic
    }

    /// Each problem of a row is where its cell is: its line (a quoted cell
    /// may hold line breaks, and the rows after it start lower), its column
    /// in characters (accents count one, a doubled quote two), its column of
    /// the sheet and the member; a row's problems in the order of its cells.
    @Test func aProblemIsAtItsCell() {
        let text = #"""
            Prénom,Nom de famille,Bio,Rôle,Aile,Compétences,Capacité
            Zoé,"Ærø ""Z""","Deux
            lignes",étudiante,12,"Maya (expret)",beaucoup
            Léa,Martin,,astronaute,3,,
            Paul,Durand,,startup,2,,1,x

            """#
        let result = SpreadsheetImport.read(Data(text.utf8), path: "x.csv")
        #expect(result.members.map(\.name) == ["Zoé Ærø \"Z\""])
        let zoe = "Zoé Ærø \"Z\""
        #expect(
            result.diagnostics == [
                Self.at(
                    Diagnostic(path: "x.csv", line: 3, column: 19, .rowBadWing("12", name: zoe), severity: .warning), 4,
                    "Aile", zoe),
                Self.at(
                    Diagnostic(
                        path: "x.csv", line: 3, column: 22, .unknownLevel("expret", suggestion: "expert"),
                        severity: .warning), 5, "Compétences", zoe),
                Self.at(
                    Diagnostic(
                        path: "x.csv", line: 3, column: 38, .rowBadCapacity("beaucoup", name: zoe), severity: .warning),
                    6, "Capacité", zoe),
                Self.at(
                    Diagnostic(
                        path: "x.csv", line: 4, column: 13,
                        .rowUnknownRole("astronaute", name: "Léa Martin", suggestion: nil)), 3, "Rôle", "Léa Martin"),
                Self.at(
                    Diagnostic(path: "x.csv", line: 5, column: 27, .tooManyCells(cells: 8, columns: 7)), 7, nil,
                    "Paul Durand"),
            ])
    }
}
