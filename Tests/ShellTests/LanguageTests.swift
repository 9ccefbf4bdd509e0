@testable import Community
import Foundation
@testable import Ledger
import Matchmaker
import Testing

@testable import Shell

/// The language is chosen from the variables' values, and everything a
/// person reads follows it: numbers, dates, typography, facts, help, exports.
struct LanguageTests {
    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], Language.fr),
        (["LANG": "C"], .en),
        ([:], .en),
        (["LC_ALL": "C", "LANG": "fr_FR.UTF-8"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"], .fr),
        (["LC_MESSAGES": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"], .en),
        (["PATIO_LANG": "en", "LANG": "fr_FR.UTF-8"], .en),
        (["PATIO_LANG": "fr", "LANG": "C"], .fr),
        (["PATIO_LANG": "klingon", "LANG": "fr_BE.UTF-8"], .fr),
        (["LC_ALL": "frisian"], .en), (["LANG": "fr"], .fr), (["LANG": "fr@euro"], .fr),
    ])
    func chosenFromTheVariablesValues(environment: [String: String], language: Language) {
        #expect(Language.chosen(by: environment) == language)
    }

    @Test func frenchTypographyInTheWordsNotInTheData() {
        let tag = "a : b"
        let text = FrenchText("Note : \(tag) ; oui ? non ! « mot » 50 %").text
        #expect(text == "Note\u{A0}: a : b\u{202F}; oui\u{202F}? non\u{202F}! «\u{A0}mot\u{A0}» 50\u{A0}%")
    }

    /// SQLite's own words for a ledger it cannot read are said in French too; a folder is said to be one.
    @Test func aLedgerThatCannotBeOpenedIsSaidInFrench() {
        let damaged = LedgerError.damaged(path: "l.txt", detail: "file is not a database")
        #expect(damaged.words(in: .fr).contains("(ce n’est pas une base SQLite)"))
        #expect(damaged.words(in: .en).contains("(file is not a database)"))
        #expect(
            LedgerError.cannotOpen(path: "l", reason: "some new SQLite words").words(in: .fr).hasSuffix(
                "some new SQLite words"), "words it does not know stay as they are")
        #expect(
            LedgerError.isFolder(path: "/tmp").words(in: .en).hasPrefix("cannot open the ledger /tmp: it is a folder"))
        #expect(LedgerError.isFolder(path: "/tmp").words(in: .fr).contains("c’est un dossier"))
        #expect(
            LedgerError.failed(reason: "database or disk is full").words(in: .fr)
                == "le registre a échoué\u{A0}: la base ou le disque est plein")
    }

    /// A rating's effect on a pair's score, with its sign; a neutral rating says it changed nothing.
    @Test func aRatingsEffectIsSaidWithItsSign() {
        let english = EnglishDraftWording()
        let french = FrenchDraftWording()
        #expect(english.adjustment(.rated(average: 5, percent: 50)) == "rated 5.0/5 before: +50\u{A0}%")
        #expect(english.adjustment(.rated(average: 1, percent: -50)) == "rated 1.0/5 before: −50\u{A0}%")
        #expect(english.adjustment(.rated(average: 3, percent: 0)) == "rated 3.0/5 before: no change")
        #expect(french.adjustment(.rated(average: 3, percent: 0)) == "noté·es 3,0/5 auparavant\u{A0}: sans effet")
        #expect(french.adjustment(.rated(average: 4, percent: 25)) == "noté·es 4,0/5 auparavant\u{A0}: +25\u{A0}%")
    }

    @Test func numbersAndCountsInBothLanguages() {
        #expect(Language.en.points(444_550) == "444.55")
        #expect(Language.fr.points(444_550) == "444,55")
        #expect(Language.en.grouped(1_974_892) == "1,974,892")
        #expect(Language.fr.grouped(1_974_892) == "1\u{202F}974\u{202F}892")
        #expect(Language.fr.counted(1, "table", "table") == "1 table")
        #expect(Language.fr.counted(2, "table", "table") == "2 tables")
        #expect(Language.fr.counted(0, "paire", "paire") == "0 paire")
        #expect(Language.en.counted(0, "pair", "paire") == "0 pairs")
        #expect(Language.fr.decimal(3.5) == "3,5")
        // Totals are grouped like counts.
        #expect(Language.en.points(15_550_710) == "15,550.71")
        #expect(Language.fr.points(15_550_710) == "15\u{202F}550,71")
        #expect(Language.en.points(917_828_240) == "917,828.24")
        #expect(Language.en.points(444_550) == "444.55")
        #expect(Language.fr.points(-1_234_500) == "-1\u{202F}234,50")
        #expect(Language.en.points(0) == "0.00")
        // Half a hundredth rounds away from zero, in whole numbers (5.925 is no 5.92499… here).
        #expect(Language.en.points(5_925) == "5.93")
        #expect(Language.en.points(5_924) == "5.92")
        #expect(Language.en.points(-5_925) == "-5.93")
        #expect(Language.en.points(-4) == "0.00")
        #expect(Language.en.points(-5) == "-0.01")
        #expect(Language.en.points(999_995) == "1,000.00")
        // Exact: the thousandths `why` adds up.
        #expect(Language.en.points(5_918, exact: true) == "5.918")
        #expect(Language.en.points(7, exact: true) == "0.007")
        #expect(Language.fr.points(-1_234_567, exact: true) == "-1\u{202F}234,567")
    }

    /// What the system said about a file: French for the usual causes, the
    /// system's own words otherwise.
    @Test func systemErrorsInBothLanguages() {
        #expect(Language.en.systemError(EACCES) == "permission denied")
        #expect(Language.fr.systemError(EACCES) == "permission refusée")
        #expect(Language.fr.systemError(ENOSPC) == "plus de place sur le disque")
        #expect(Language.fr.systemError(EXDEV) == Language.en.systemError(EXDEV))
        let error = ProfileWriter.WriteError.cannotWrite(path: "P/noe.yaml", errorNumber: EROFS)
        #expect(
            DiagnosticWording.writeError(error, in: .fr)
                == "impossible d’écrire P/noe.yaml\u{A0}: système de fichiers en lecture seule")
    }

    /// Once written, a row whose file could not be written is counted as not written, not as new or updated.
    @Test func anImportSummaryCountsOnlyWhatWasWritten() {
        let existing = Directory(members: [Member(id: "lea", name: "Léa", role: .startup, organization: "Lumen")])
        let read = SpreadsheetImport.read(
            Data("Nom,Rôle,Organisation,Intérêts\nLéa,startup,Lumen,cinéma\nNoé,étudiant,École,jeux\n".utf8),
            path: "r.csv")
        let plan = ImportPlan(read, existing: existing, path: "r.csv")
        let report = ImportReport(
            file: "r.csv", plan: plan, skipped: 0, problems: [], written: ["lea"], notWritten: ["noe"],
            wroteRequested: true,
            folder: "P")
        #expect(report.counts(in: .en) == "0 new, 1 updated, 0 unchanged")
        let preview = ImportReport(
            file: "r.csv", plan: plan, skipped: 0, problems: [], written: [], notWritten: [], wroteRequested: false,
            folder: "P")
        #expect(preview.counts(in: .en) == "1 new, 1 to update, 0 unchanged")
    }

    /// The load's summary agrees with its counts, and says what an error left out.
    @Test func aLoadSummaryInBothLanguages() {
        let loaded = ProfileFolder.Loaded(
            directory: Directory(members: [Member(id: "ana", name: "Ana", role: .student)]),
            diagnostics: [Diagnostic(path: "P/x.yaml", line: 1, column: 1, .emptyDocument(.profile))], fileCount: 2)
        let summary = LoadSummary(folder: "P", loaded: loaded)
        #expect(
            Renderer.render(summary, as: .table, style: .plain, language: .fr)
                .hasPrefix("1 membre chargé depuis P\u{202F}; 1 erreur (ce que chacune désigne n’a pas été chargé)"))
        #expect(
            Renderer.render(summary, as: .table, style: .plain, language: .en)
                .hasPrefix("1 member loaded from P; 1 error (what each names was not loaded)"))
    }

    @Test func datesInWords() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        let tuesday = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 8, hour: 10)))
        #expect(Language.fr.dateAndTime(tuesday, in: paris) == "mardi 8 décembre 2026 à 10\u{A0}h")
        #expect(Language.en.dateAndTime(tuesday, in: paris) == "Tuesday 8 December 2026 at 10:00")
        let first = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 9, minute: 30)))
        #expect(Language.fr.dateAndTime(first, in: paris) == "vendredi 1er janvier 2027 à 9\u{A0}h\u{A0}30")
    }

    /// Every fact a draft can hold, worded in both languages; the French has none of the English.
    static let reasons: [PairReason] = [
        .needMet(seeker: "a", offerer: "b", tag: "game design", sought: nil),
        .needMet(seeker: "a", offerer: "b", tag: "Blender", sought: "3D modeling"),
        .needMet(seeker: "a", offerer: "b", tag: "Maya", sought: nil, means: .skill(.expert)),
        .needMet(seeker: "a", offerer: "b", tag: "Unity", sought: "moteur de jeu", means: .skill(nil)),
        .sharedInterest("réalité virtuelle"), .roles(.student, .student), .roles(.student, .entrepreneur),
        .roles(.startup, .entrepreneur), .differentOrganizations("École", "Studio"), .differentWings(4, 9),
    ]
    static let causes: [UnmatchedCause] = [
        .noSharedLanguage(speaks: ["ja"], with: .anyone), .noCommonSlot(free: ["tue-pm"], with: .mentors),
        .everyPartnerForbidden(.anyone), .everyPartnerForbidden(.mentors), .nobodyElse, .sharesNoTag,
        .nothingInCommon(with: .anyone), .nothingInCommon(with: .mentors), .oddOneOut, .compatibleAlreadyPaired,
        .noMentors, .mentorsFull, .noCompatibleTable, .tablesFull(scarce: "startup"), .tablesFull(scarce: nil),
        .noTableTogether, .tooFewForTable(size: 3),
    ]
    static let englishPhrases = [
        " offers ", " knows ", "which ", "both are into", "a student", "an entrepreneur", "different organisations",
        "What got you", "Ask ", "optimal (proved", "every admissible", "nobody", "anyone", "members", "table of",
        "pinned although", "the ", " and ",
    ]

    @Test func everyFactIsWordedInBothLanguages() {
        let english = EnglishDraftWording()
        let french = FrenchDraftWording()
        let name = { (id: String) in id == "a" ? "Amélie Dupré" : "Kenji Watanabe" }
        var frenchTexts: [String] = []
        for reason in Self.reasons {
            #expect(english.reason(reason, name: name) != french.reason(reason, name: name))
            frenchTexts += [french.reason(reason, name: name), french.shortReason(reason, shortName: name)]
        }
        for cause in Self.causes {
            #expect(!french.cause(cause).isEmpty && french.cause(cause) != english.cause(cause))
            frenchTexts.append(french.cause(cause))
        }
        let starters: [Starter] = [
            .sharedInterest("motion capture"), .askAbout(asker: "a", expert: "b", topic: "rigging"),
            .interest(of: "a", topic: "VR"),
        ]
        for starter in starters { frenchTexts.append(french.starter(starter, shortName: name)) }
        #expect(french.starter(.sharedInterest("VR"), shortName: name).hasSuffix("\u{202F}?"), "a real question")
        let guarantees = [
            Guarantee(claim: .optimal, members: 121),
            Guarantee(claim: .optimal, coverage: .candidates(perMember: 40, pairs: 61_234), members: 2000),
            Guarantee(claim: .stable, members: 20, isWholeCommunity: false, pinnedGroups: 2),
            Guarantee(claim: .withinBound(upperBound: 896_780, seated: nil, tables: 30), members: 121),
            Guarantee(claim: .none, members: 3),
        ]
        for guarantee in guarantees {
            frenchTexts.append(french.guarantee(guarantee, total: 874_730, mode: .pairs))
        }
        #expect(french.guarantee(guarantees[3], total: 874_730, mode: .circles).contains("896,78"))
        // Seats are counted like members and tables.
        let seats = Guarantee(claim: .withinBound(upperBound: 78_790_530, seated: 4_996, tables: 1_249), members: 5_000)
        #expect(
            french.guarantee(seats, total: 56_124_860, mode: .circles).contains(
                "1\u{202F}249 tables qui place au moins 4\u{202F}996 membres"))
        #expect(
            english.guarantee(seats, total: 56_124_860, mode: .circles).contains(
                "into 1,249 tables seating 4,996 or more"))
        let notes: [Draft.Note] = [
            .pinSetAside(MemberPair("a", "b"), .mentorFull("b")), .pinHonoured(MemberPair("a", "b")),
            .pinNotHonoured(MemberPair("a", "b")), .planRound(1, of: 3), .tableMakeUp([1, 1, 1]),
        ]
        for note in notes { frenchTexts.append(french.note(note)) }
        frenchTexts.append(french.pinWarning(.scoresNothing(MemberPair("a", "b")), name: name))
        frenchTexts.append(french.matchError(.tooFewMembers(count: 1)))
        frenchTexts.append(french.adjustment(.met(roundsAgo: 2, percent: 50)))
        for text in frenchTexts {
            for phrase in Self.englishPhrases {
                #expect(!text.contains(phrase), "English '\(phrase)' in: \(text)")
            }
        }
    }

    /// A round committed before facts were kept holds English sentences: each one read back is
    /// the fact it was written from, so that it can be worded in French.
    @Test func oldEnglishSentencesAreReadBackIntoTheirFacts() {
        let english = EnglishDraftWording()
        let people = [(id: "a", name: "Amélie Dupré"), (id: "b", name: "Kenji Watanabe")]
        let name = { (id: String) in people.first { $0.id == id }?.name ?? id }
        for reason in Self.reasons {
            // Sentences were kept only before the means of a need were: those reasons have none.
            if case .needMet(_, _, _, _, .some) = reason { continue }
            #expect(StoredProse.reason(english.reason(reason, name: name), people: people) == reason, "\(reason)")
        }
        for cause in Self.causes where StoredProse.cause(english.cause(cause)) != nil {
            #expect(StoredProse.cause(english.cause(cause)) == cause)
        }
        #expect(StoredProse.cause(english.cause(.oddOneOut)) == .oddOneOut)
        #expect(StoredProse.starter(english.starter(.sharedInterest("VR"), shortName: name)) == .sharedInterest("VR"))
        // A name no longer in the round, or words no version wrote, stay words.
        #expect(StoredProse.reason("Léa Martin offers UX, which Amélie Dupré seeks", people: people) == nil)
        #expect(StoredProse.reason("a good fit", people: people) == nil)
        let group = RoundRecord.Group(
            members: ["a", "b"], score: 1000, reasons: ["both are into VR", "a good fit"],
            starter: "Ask Kenji about VR.")
        let stated = StoredFacts.reasons(group, name: name)
        #expect(stated.count == 2)
        if case .fact(.sharedInterest("VR")) = stated[0] {} else { Issue.record("not read back: \(stated[0])") }
        if case .words("a good fit") = stated[1] {} else { Issue.record("changed: \(stated[1])") }
        let french = stated.map { entry -> String in
            switch entry {
            case .fact(let fact): return FrenchDraftWording().reason(fact, name: name)
            case .words(let words): return words
            }
        }
        #expect(french[0] == "intérêt commun\u{A0}: «\u{A0}VR\u{A0}»")
    }

    /// `help` in French has a sentence for every command, argument, option and setting.
    @Test func theFrenchHelpIsComplete() {
        // Each French example stands for an example a command gives (none left behind by a change).
        let examples = Set(CommandTable.standard.commands.flatMap(\.examples))
        for english in HelpText.frenchExamples.keys { #expect(examples.contains(english), "\(english)") }
        let rate = HelpPage(spec: try! CommandTable.standard.resolve("rate"))
        #expect(
            rate.document(in: .fr).blocks.contains(
                .list([
                    "rate aicha-trehou timothee-lheureux 5 un stage est né de la rencontre",
                    "rate aicha-trehou timothee-lheureux --clear",
                ])))
        for spec in CommandTable.standard.commands {
            #expect(HelpText.french[spec.name] != nil, "no French summary for \(spec.name)")
            if !spec.details.isEmpty { #expect(HelpText.french[spec.name + ":details"] != nil, "\(spec.name)") }
            for argument in spec.arguments {
                #expect(HelpText.french[spec.name + " " + argument.name] != nil, "\(spec.name) \(argument.name)")
            }
            for option in spec.options + CommandSpec.universalOptions {
                let french = HelpText.summary(of: option, command: spec.name, in: .fr)
                #expect(french != option.summary, "no French for \(spec.name) --\(option.name)")
            }
        }
        for setting in SettingTable.standard {
            #expect(HelpText.summary(of: setting, in: .fr) != setting.summary, "no French for set \(setting.name)")
        }
    }

    /// A whole French session prints no English sentence, and the English one no French.
    @Test func aFrenchRunPrintsNoEnglishAndTheReverse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Transcripts")
        let expected = { (name: String) in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("{") && !$0.contains(",") || $0.hasPrefix("!") }
                .joined(separator: "\n")
        }
        let french = try expected("matchmaking.fr.expected") + expected("shell.fr.expected")
        for phrase in [
            " offers ", " knows ", "which ", "both are into", "Why you", "To start", "optimal (proved", "Unmatched",
            "Draft:",
            "error:", "unknown command", "did you mean", "members loaded", "nobody", "Round ", "pinned ",
        ] {
            #expect(!french.contains(phrase), "English '\(phrase)' in the French session")
        }
        let english = try expected("matchmaking.expected") + expected("shell.expected")
        for phrase in [
            " propose ", "que recherche", "tous deux", "Brouillon", "pourquoi", "erreur", "vouliez-vous", "membres",
            "prouvé", "Sans partenaire", "épingl",
        ] {
            #expect(!english.contains(phrase), "French '\(phrase)' in the English session")
        }
    }

    @Test func problemsInFilesAreWordedInBothLanguages() {
        let problem = Diagnostic(
            path: "p.yaml", line: 3, column: 1, .unknownKey("skils", suggestion: "skills"), severity: .warning)
        #expect(problem.line() == "p.yaml:3:1: warning: unknown key 'skils' ignored (did you mean 'skills'?)")
        #expect(
            problem.line(in: .fr)
                == "p.yaml:3:1: avertissement\u{A0}: clé inconnue 'skils' ignorée (vouliez-vous dire 'skills'\u{202F}?)"
        )
        let notUTF8 = Diagnostic(
            path: "x.yaml", line: 1, column: 4, .notUTF8(byte: 0xE7), consequence: .profileNotLoaded)
        #expect(
            DiagnosticWording.message(notUTF8, in: .fr)
                == "le fichier n’est pas du texte UTF-8 (octet 0xE7)\u{A0}: enregistrez-le en UTF-8\u{202F}; le profil n’est pas chargé"
        )
    }

    /// A profile whose file name is not UTF-8: what to do, then what was done, in one sentence.
    @Test func aFileNameNotInUTF8SaysWhatToDoThenWhatWasDone() {
        let named = Diagnostic(path: "P/z\\xE9.yaml", .fileNameNotUTF8, consequence: .profileNotLoaded)
        #expect(
            DiagnosticWording.message(named, in: .en)
                == "the file's name is not UTF-8 (its other bytes shown as \\xHH): rename the file; the profile is not loaded"
        )
        #expect(
            DiagnosticWording.message(named, in: .fr)
                == "le nom du fichier n’est pas en UTF-8 (ses autres octets montrés en \\xHH)\u{A0}: renommez le fichier\u{202F}; le profil n’est pas chargé"
        )
    }

    /// A spreadsheet's problem names its column by title and letter, and the
    /// member when the sentence does not; the letters go on past Z as a
    /// spreadsheet's do.
    @Test func aSpreadsheetProblemNamesItsColumnAndMember() {
        var level = Diagnostic(
            path: "r.csv", line: 2, column: 20, .skillWithoutName(":expert"), severity: .warning)
        level.cell = Diagnostic.Cell(index: 2, title: "Compétences")
        level.member = "Léa Martin"
        #expect(
            DiagnosticWording.message(level, in: .en)
                == "Léa Martin, column 'Compétences' (C): the skill ':expert' has no name: it is left out")
        #expect(DiagnosticWording.message(level, in: .fr).hasPrefix("Léa Martin, colonne 'Compétences' (C)\u{A0}: "))
        var wing = Diagnostic(path: "r.csv", line: 2, column: 30, .rowBadWing("12", name: "Léa Martin"))
        wing.cell = Diagnostic.Cell(index: 27, title: nil)
        wing.member = "Léa Martin"
        #expect(
            DiagnosticWording.message(wing, in: .en) == "column AB: wing '12' for Léa Martin is not 1 to 9: left out")
        #expect(
            [0, 25, 26, 51, 52, 701, 702].map(DiagnosticWording.columnLetters)
                == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    /// Words after a skill that are no level: what was kept, in both languages.
    @Test func wordsThatAreNoLevelSayTheSkillIsKeptAsWritten() {
        let kept = Diagnostic(
            path: "z.yaml", line: 5, column: 5, .levelKeptInName("Painter", skill: "Substance 3D (Painter)"),
            severity: .note)
        #expect(
            DiagnosticWording.message(kept, in: .en)
                == "'Painter' is not a level (beginner, intermediate or expert): the skill is kept as written, 'Substance 3D (Painter)'"
        )
        #expect(
            DiagnosticWording.message(kept, in: .fr)
                == "'Painter' n’est pas un niveau (débutant, intermédiaire, confirmé ou expert)\u{A0}: la compétence est gardée telle qu’écrite, 'Substance 3D (Painter)'"
        )
    }

    /// A file of the folder that cannot be read says why.
    @Test func anUnreadableProfileSaysWhy() {
        let denied = Diagnostic(path: "P/x.yaml", .cannotReadFile(denied: true), consequence: .profileNotLoaded)
        #expect(DiagnosticWording.message(denied, in: .en).hasPrefix("cannot read the file: permission denied"))
        #expect(
            DiagnosticWording.message(denied, in: .fr).hasPrefix(
                "impossible de lire le fichier\u{A0}: permission refusée"))
        let gone = Diagnostic(path: "P/x.yaml", .cannotReadFile(denied: false), consequence: .profileNotLoaded)
        #expect(DiagnosticWording.message(gone, in: .en).contains("a link that leads nowhere"))
        #expect(DiagnosticWording.message(gone, in: .fr).contains("lien qui ne mène nulle part"))
    }

    @Test func aFieldGivenAgainNamesTheKeyWritten() {
        let again = Diagnostic(
            path: "P/z.yaml", line: 3, column: 1, .repeatedKey("nom", field: "name", firstLine: 1), severity: .warning)
        #expect(
            DiagnosticWording.message(again, in: .en)
                == "'nom' gives 'name' again (first on line 1): this one is ignored")
        let twice = Diagnostic(
            path: "P/z.yaml", line: 3, column: 1, .repeatedKey("name", field: "name", firstLine: 1), severity: .warning)
        #expect(
            DiagnosticWording.message(twice, in: .en)
                == "'name' is given twice (first on line 1): the second is ignored")
    }

    @Test func anItemWrittenTwiceIsSaid() {
        let twice = Diagnostic(
            path: "P/z.yaml", line: 3, column: 9, .list(.repeatedItems(field: "skills", items: ["blender", "Maya"])),
            severity: .warning)
        #expect(
            DiagnosticWording.message(twice, in: .en)
                == "'skills' lists 'blender', 'Maya' more than once: only the first of each is kept")
    }

    @Test func aSkillWithNoNameIsSaid() {
        let nameless = Diagnostic(
            path: "P/z.yaml", line: 4, column: 5, .skillWithoutName(": expert"), severity: .warning)
        #expect(DiagnosticWording.message(nameless, in: .en) == "the skill ': expert' has no name: it is left out")
        #expect(
            DiagnosticWording.message(nameless, in: .fr)
                == "la compétence ': expert' n’a pas de nom\u{A0}: elle est laissée de côté")
    }

    @Test func aTypoIsAnsweredInFrench() {
        let error = ShellError.unknownCommand("mach", suggestion: "match")
        #expect(error.words(in: .fr) == "commande inconnue 'mach' (vouliez-vous dire 'match'\u{202F}?)")
        #expect(error.words(in: .en) == "unknown command 'mach' (did you mean 'match'?)")
    }
}

/// `stats` in numbers: grouped like every other count, in both languages,
/// and no "the others" when every need finds an offer.
struct StatisticsWordingTests {
    /// Shares in whole percents add up to 100, each off by less than one.
    @Test func sharesAddUpToAHundred() {
        #expect(StatisticsReport.wholePercents([60, 30, 31], of: 121) == [49, 25, 26])
        #expect(StatisticsReport.wholePercents([1, 1, 1], of: 3) == [34, 33, 33])
        #expect(StatisticsReport.wholePercents([0, 0], of: 0) == [0, 0])
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 0...500, using: &rng) }
            let total = values.reduce(0, +)
            let percents = StatisticsReport.wholePercents(values, of: total)
            #expect(total == 0 || percents.reduce(0, +) == 100, "\(values)")
            for (value, percent) in zip(values, percents) where total > 0 {
                #expect(abs(Double(percent) - Double(value) * 100 / Double(total)) < 1, "\(values)")
            }
        }
    }

    static func report(needs: Int, met: Int) -> StatisticsReport {
        StatisticsReport(
            statistics: CommunityStatistics(
                memberCount: 12_000, byRole: [(.student, 12_000)], byWing: [(1, 12_000)],
                byOrganization: [("Pixel Fabrik", 12_000)], needs: needs, metNeeds: met),
            name: nil)
    }

    static func paragraph(_ report: StatisticsReport, _ language: Language) -> String? {
        report.document(in: language).blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
            .last
    }

    @Test func needsAreCountedAlikeAndTheOthersOnlyWhenThereAreSome() {
        let some = Self.report(needs: 9_070, met: 8_000)
        #expect(
            Self.paragraph(some, .en)
                == "Needs: 8,000 of 9,070 needs find an offer (88\u{A0}%); 'tags --unmet' lists the others.")
        #expect(Self.paragraph(some, .fr)?.contains("8\u{202F}000 sur 9\u{202F}070 trouvent une offre") == true)
        let all = Self.report(needs: 9_070, met: 9_070)
        #expect(Self.paragraph(all, .en) == "Needs: 9,070 of 9,070 needs find an offer (100\u{A0}%).")
        let rows = all.document(in: .en).blocks.compactMap {
            if case .table(let table) = $0 { table.rows } else { nil }
        }
        #expect(rows.first?.first?[1] == "12,000")
        #expect(all.document(in: .en).blocks.first == .heading("The community: 12,000 members"))
    }

    /// `rounds` counts groups and members like every other table.
    @Test func roundsAreCountedLikeEveryTable() {
        let round = RoundSummary(
            name: "mardi", committedAt: Date(timeIntervalSince1970: 1_796_000_000), mode: "pairs", groups: 1_000,
            members: 2_000, total: 10_605_710)
        let list = RoundList(rounds: Limited([round], limit: nil))
        func row(_ language: Language) -> [String]? {
            list.document(in: language).blocks.compactMap { if case .table(let table) = $0 { table.rows } else { nil } }
                .first?.first
        }
        #expect(row(.en)?[3...4] == ["1,000", "2,000"])
        #expect(row(.fr)?[3...4] == ["1\u{202F}000", "2\u{202F}000"])
    }
}
