import Community
import Foundation

/// How a problem in a file reads, in each language: what is wrong, then
/// what was done about it. A problem without its sentence does not compile.
enum DiagnosticWording {
    static func message(_ diagnostic: Diagnostic, in language: Language) -> String {
        let text = cellPrefix(diagnostic, in: language) + problem(diagnostic.problem, in: language)
        guard let consequence = diagnostic.consequence else { return text }
        let done = self.consequence(consequence, in: language)
        // A problem whose sentence ends with what to do takes what was done after a semicolon.
        switch diagnostic.problem {
        case .notUTF8, .profileNotWritten, .fileNameNotUTF8: return text + language.semicolon + done
        default: return text + language.text(": ", " : ") + done
        }
    }

    /// In a spreadsheet: the member whose row it is (unless the problem
    /// names it) and the column, by its title and letter: "Zoé Martin,
    /// column 'Compétences' (D): ".
    static func cellPrefix(_ diagnostic: Diagnostic, in language: Language) -> String {
        guard let cell = diagnostic.cell else { return "" }
        let letter = columnLetters(cell.index)
        let column =
            cell.title.map { language.text("column '\($0)' (\(letter))", "colonne '\($0)' (\(letter))") }
            ?? language.text("column \(letter)", "colonne \(letter)")
        let member = names(diagnostic.problem) ? nil : diagnostic.member
        return (member.map { "\($0), " } ?? "") + column + language.text(": ", " : ")
    }

    /// Whether a problem's sentence names the member of its row already.
    static func names(_ problem: Diagnostic.Problem) -> Bool {
        switch problem {
        case .rowUnknownRole, .reservedID, .rowBadWing, .rowBadSlot, .rowBadCapacity, .rowList, .rowWithoutRole,
            .rowMatchesSeveral:
            return true
        default: return false
        }
    }

    /// A spreadsheet's name for a column: A to Z, then AA, AB…
    static func columnLetters(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: letters.startIndex)
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// A problem for programs (`load`'s and `import`'s `problems`): where, how
    /// bad, the message and its code. A problem of a whole file (its name,
    /// its size) has no place in it: line and column are null.
    static func json(_ diagnostic: Diagnostic, in language: Language) -> JSONValue {
        .object([
            "path": .string(diagnostic.path),
            "line": diagnostic.line > 0 ? .int(diagnostic.line) : .null,
            "column": diagnostic.line > 0 ? .int(diagnostic.column) : .null,
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(message(diagnostic, in: language)),
            "code": .string(diagnostic.problem.code),
            "cell": diagnostic.cell.map { cell in
                .object([
                    "column": .string(columnLetters(cell.index)), "title": cell.title.map { .string($0) } ?? .null,
                    "member": diagnostic.member.map { .string($0) } ?? .null,
                ])
            } ?? .null,
        ])
    }

    static func consequence(_ consequence: Diagnostic.Consequence, in language: Language) -> String {
        switch consequence {
        case .profileNotLoaded: return language.text("the profile is not loaded", "le profil n’est pas chargé")
        case .fileIgnored: return language.text("it is ignored", "il est ignoré")
        case .taxonomyIgnored: return language.text("the taxonomy is ignored", "la taxonomie est ignorée")
        case .settingsIgnored: return language.text("the settings are ignored", "les réglages sont ignorés")
        case .rowNotSaved: return language.text("the row was not saved", "la ligne n’a pas été enregistrée")
        }
    }

    static func kind(_ kind: Diagnostic.NodeKind, in language: Language) -> String {
        switch kind {
        case .value: return language.text("a value", "une valeur")
        case .keys: return language.text("a set of keys", "un ensemble de clés")
        case .list: return language.text("a list", "une liste")
        case .alias: return language.text("an alias", "un alias")
        }
    }

    static func found(_ found: Diagnostic.Found, in language: Language) -> String {
        switch found {
        case .written(let text): return "'\(text)'"
        case .kind(let kind): return self.kind(kind, in: language)
        }
    }

    static func list(_ problem: Diagnostic.ListProblem, in language: Language) -> String {
        switch problem {
        case .itemsTooLong(let field, let length, let count, let limit):
            return language.text(
                "an item of '\(field)' is \(length) characters long, more than the \(limit) an item may hold: "
                    + (count == 1 ? "that item is" : "the \(count) such items are") + " left out",
                count == 1
                    ? "un élément de '\(field)' fait \(length) caractères, plus que les \(limit) permis : cet élément est laissé de côté"
                    : "un élément de '\(field)' fait \(length) caractères, plus que les \(limit) permis : ces \(count) éléments sont laissés de côté"
            )
        case .repeatedItems(let field, let items):
            let listed = items.map { "'\($0)'" }.joined(separator: ", ")
            return language.text(
                "'\(field)' lists \(listed) more than once: only the first of each is kept",
                "'\(field)' donne \(listed) plus d’une fois : seul le premier de chacun est gardé")
        case .tooManyItems(let field, let count, let limit):
            return language.text(
                "'\(field)' holds \(count) items, more than the \(limit) a list may hold: the first \(limit) are kept",
                "'\(field)' contient \(count) éléments, plus que les \(limit) permis : les \(limit) premiers sont gardés"
            )
        }
    }

    static func writeError(_ error: ProfileWriter.WriteError, in language: Language) -> String {
        switch error {
        case .exists(let path):
            return language.text(
                "\(path) exists already: it was left as it is", "\(path) existe déjà : il est laissé tel quel")
        case .cannotWrite(let path, let code):
            let why = code.map { language.text(": ", " : ") + language.systemError($0) } ?? ""
            return language.text("cannot write \(path)", "impossible d’écrire \(path)") + why
        }
    }

    // One case a line where it can: a long switch reads best as a table.
    // swift-format-ignore
    static func problem(_ problem: Diagnostic.Problem, in language: Language) -> String {
        let t = language.text
        let hint = { (suggestion: String?) in language.hint(suggestion) }
        let roles = t("student, startup or entrepreneur", "student, startup ou entrepreneur")
        switch problem {
        case .cannotReadFile(let denied):
            return denied
                ? t("cannot read the file: permission denied", "impossible de lire le fichier : permission refusée")
                : t(
                    "cannot read the file: it is not there (gone since the folder was read, or a link that leads nowhere)",
                    "impossible de lire le fichier : il n’est pas là (disparu depuis la lecture du dossier, ou lien qui ne mène nulle part)")
        case .notRegularFile: return t("not a regular file", "pas un fichier ordinaire")
        case .fileNameNotUTF8:
            return t(
                "the file's name is not UTF-8 (its other bytes shown as \\xHH): rename the file",
                "le nom du fichier n’est pas en UTF-8 (ses autres octets montrés en \\xHH) : renommez le fichier")
        case .fileTooLarge(let bytes, let limit):
            return t(
                "the file holds \(bytes) bytes, more than the \(limit) KiB a file of the folder may hold",
                "le fichier fait \(language.grouped(bytes)) octets, plus que les \(limit) Kio permis pour un fichier du dossier")
        case .notUTF8(let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return t(
                "the file is not UTF-8 text (byte 0x\(hex)): save it as UTF-8",
                "le fichier n’est pas du texte UTF-8 (octet 0x\(hex)) : enregistrez-le en UTF-8")
        case .yamlSyntax(let detail, let context, let line, let column):
            let outer = context.map {
                t(
                    " (\($0) that starts on line \(line), column \(column))",
                    " (ce que l’analyseur lisait commence ligne \(line), colonne \(column) : « \($0) »)")
            } ?? ""
            return t("YAML syntax: ", "syntaxe YAML, selon l’analyseur : « ") + detail + t("", " »") + outer
        case .yamlDuplicateKey(let keys, let firstLine):
            let key = keys.joined(separator: "', '")
            return t("key '\(key)' is given twice", "la clé '\(key)' est donnée deux fois")
                + (firstLine.map { t(" (first on line \($0))", " (d’abord ligne \($0))") } ?? "")
        case .yamlUnreadable(let detail): return t("cannot read the file: ", "impossible de lire le fichier : ") + detail
        case .yamlTooLarge(let characters, let values):
            return t(
                "the file holds more than \(characters) characters or \(values) values (counting what its YAML aliases repeat), the most a file of the folder may hold",
                "le fichier contient plus de \(language.grouped(characters)) caractères ou \(language.grouped(values)) valeurs (en comptant ce que ses alias YAML répètent), le maximum permis pour un fichier du dossier")
        case .notKeys(.profile):
            return t(
                "a profile is a set of keys such as 'name:' and 'role:', not a list or a lone value",
                "un profil est un ensemble de clés comme 'name:' et 'role:', pas une liste ni une valeur seule")
        case .emptyDocument(.profile):
            return t(
                "the file is empty (a profile needs at least 'name:' and 'role:')",
                "le fichier est vide (un profil demande au moins 'name:' et 'role:')")
        case .emptyDocument(.taxonomy):
            return t("the taxonomy is empty", "la taxonomie est vide")
        case .emptyDocument(.settings):
            return t("community.yaml is empty", "community.yaml est vide")
        case .notKeys(.taxonomy):
            return t(
                "the taxonomy has two parts, 'aliases:' and 'parents:'",
                "la taxonomie a deux parties, 'aliases:' et 'parents:'")
        case .notKeys(.settings):
            return t("community.yaml is a list of keys such as 'name:'", "community.yaml est une liste de clés comme 'name:'")
        case .cannotReadFolder: return t("cannot read the folder", "impossible de lire le dossier")
        case .noSuchFolder: return t("no such folder", "dossier introuvable")
        case .duplicateID(let id, let first):
            return t(
                "duplicate id '\(id)': \(first) has it already; this profile is not loaded",
                "identifiant '\(id)' en double : \(first) l’a déjà ; ce profil n’est pas chargé")
        case .keyNotWord:
            return t(
                "keys are words such as 'name' or 'skills': this one is ignored",
                "les clés sont des mots comme 'name' ou 'skills' : celle-ci est ignorée")
        case .unknownKey(let key, let suggestion):
            return t("unknown key '\(key)' ignored", "clé inconnue '\(key)' ignorée") + hint(suggestion)
        case .repeatedKey(let key, let field, let line) where TextFolding.fold(key) == field:
            return t(
                "'\(key)' is given twice (first on line \(line)): the second is ignored",
                "'\(key)' est donné deux fois (d’abord ligne \(line)) : le second est ignoré")
        case .repeatedKey(let key, let field, let line):
            return t(
                "'\(key)' gives '\(field)' again (first on line \(line)): this one is ignored",
                "'\(key)' redonne '\(field)' (déjà ligne \(line)) : celui-ci est ignoré")
        case .missingName:
            return t("the profile has no 'name': it is not loaded", "le profil n’a pas de 'name' : il n’est pas chargé")
        case .nameTooLong(let characters, let limit):
            return t(
                "the name is \(characters) characters long, more than the \(limit) a name may hold: the profile is not loaded",
                "le nom fait \(characters) caractères, plus que les \(limit) permis : le profil n’est pas chargé")
        case .missingRole:
            return t(
                "the profile has no 'role' (student, startup or entrepreneur): it is not loaded",
                "le profil n’a pas de 'role' (étudiant·e, jeune pousse ou entrepreneur·e) : il n’est pas chargé")
        case .unknownRole(let written, let suggestion):
            return t(
                "unknown role '\(written)': expected student, startup or entrepreneur (or étudiant·e, jeune pousse, entrepreneur·e, mentor)",
                "rôle inconnu '\(written)' : attendu étudiant·e, jeune pousse, entrepreneur·e ou mentor (ou student, startup, entrepreneur)")
                + hint(suggestion) + t("; the profile is not loaded", " ; le profil n’est pas chargé")
        case .invalidID(let id, let fileID):
            return t(
                "id '\(id)' may only hold lowercase letters, digits and '-': the file's name gives the id '\(fileID)' instead",
                "l’identifiant '\(id)' ne peut contenir que des minuscules, des chiffres et '-' : le nom du fichier donne l’identifiant '\(fileID)' à la place")
        case .fileNameNotID(let name, let id):
            return t(
                "the file's name '\(name)' is not an id (lowercase letters, digits and '-'): the member's id is '\(id)'",
                "le nom du fichier '\(name)' n’est pas un identifiant (minuscules, chiffres et '-') : l’identifiant du membre est '\(id)'")
        case .requiredNotText(let field, let kind):
            let roles = t(" (student, startup or entrepreneur)", " (étudiant·e, jeune pousse ou entrepreneur·e)")
            return t("'\(field)' should be text", "'\(field)' devrait être du texte") + (field == "role" ? roles : "")
                + t(
                    ", found \(self.kind(kind, in: language)): the profile is not loaded",
                    ", trouvé \(self.kind(kind, in: language)) : le profil n’est pas chargé")
        case .notText(let field, let kind):
            return t(
                "'\(field)' should be text, found \(self.kind(kind, in: language)): ignored",
                "'\(field)' devrait être du texte, trouvé \(self.kind(kind, in: language)) : ignoré")
        case .notWholeNumber(let field, let range, let found):
            return t(
                "'\(field)' should be a whole number from \(range.lowerBound) to \(range.upperBound), found \(self.found(found, in: language)): ignored",
                "'\(field)' devrait être un nombre entier de \(range.lowerBound) à \(range.upperBound), trouvé \(self.found(found, in: language)) : ignoré")
        case .outOfRange(let field, let range, let value):
            return t(
                "'\(field)' should be from \(range.lowerBound) to \(range.upperBound), found \(value): ignored",
                "'\(field)' devrait aller de \(range.lowerBound) à \(range.upperBound), trouvé \(value) : ignoré")
        case .notNumber(let field, let found):
            return t(
                "'\(field)' should be a number, 0 or more, found \(self.found(found, in: language)): ignored",
                "'\(field)' devrait être un nombre, 0 ou plus, trouvé \(self.found(found, in: language)) : ignoré")
        case .notList(let field, let found):
            return t(
                "'\(field)' should be a list, found \(self.found(found, in: language)): ignored",
                "'\(field)' devrait être une liste, trouvé \(self.found(found, in: language)) : ignoré")
        case .itemNotWord(let field, let kind):
            return t(
                "each item of '\(field)' should be a word or phrase, found \(self.kind(kind, in: language)): that item is ignored",
                "chaque élément de '\(field)' devrait être un mot ou une expression, trouvé \(self.kind(kind, in: language)) : cet élément est ignoré")
        case .badSkillItem:
            return t(
                "a skill is a name, or 'name: level' with a level of beginner, intermediate or expert: that item is ignored",
                "une compétence est un nom, ou 'nom: niveau' avec un niveau débutant, intermédiaire, confirmé ou expert : cet élément est ignoré")
        case .unknownLanguage(let text, let suggestion):
            return t(
                "unknown language '\(text)', kept as one Patio does not know: it is shared only with those who write it the same",
                "langue inconnue '\(text)', gardée comme une langue que Patio ne connaît pas : seuls ceux qui l’écrivent de même la partagent"
            )
                + hint(suggestion)
        case .skillWithoutName(let text):
            return t(
                "the skill '\(text)' has no name: it is left out",
                "la compétence '\(text)' n’a pas de nom : elle est laissée de côté")
        case .unknownLevel(let text, let suggestion):
            return t(
                "unknown level '\(text)': expected beginner, intermediate or expert (or débutant, intermédiaire, confirmé)",
                "niveau inconnu '\(text)' : attendu débutant, intermédiaire, confirmé ou expert (ou beginner, intermediate, expert)")
                + hint(suggestion)
                + t("; the skill is kept without a level", " ; la compétence est gardée sans niveau")
        case .levelKeptInName(let text, let skill):
            return t(
                "'\(text)' is not a level (beginner, intermediate or expert): the skill is kept as written, '\(skill)'",
                "'\(text)' n’est pas un niveau (débutant, intermédiaire, confirmé ou expert) : la compétence est gardée telle qu’écrite, '\(skill)'")
        case .badSlot(let value):
            return t(
                "availability '\(value)' is not a slot such as 'tue-pm' or 'mardi matin': left out",
                "la disponibilité '\(value)' n’est pas un créneau comme 'tue-pm' ou 'mardi matin' : laissée de côté")
        case .list(let problem): return list(problem, in: language)
        case .unknownSection(let section, let suggestion):
            return t("unknown section '\(section)' ignored", "section inconnue '\(section)' ignorée")
                + language.hint(
                    suggestion, orElse: t(" (expected 'aliases' or 'parents')", " (attendu 'aliases' ou 'parents')"))
        case .sectionNotTagLists(let section):
            return t(
                "'\(section)' should hold 'tag: [other tags]' lines: ignored",
                "'\(section)' devrait contenir des lignes 'étiquette: [autres étiquettes]' : ignoré")
        case .parentCycle(let child, let parent):
            return t(
                "'\(child)' under '\(parent)' makes a cycle of parents ('\(parent)' is under '\(child)'): left out",
                "'\(child)' sous '\(parent)' forme un cycle de parents ('\(parent)' est sous '\(child)') : laissé de côté")
        case .aliasOfTwoTags(let alias, let kept, let ignored):
            return t(
                "'\(alias)' is given as an alias of both '\(kept)' and '\(ignored)': it stays an alias of '\(kept)'",
                "'\(alias)' est donné comme alias de '\(kept)' et de '\(ignored)' : il reste un alias de '\(kept)'")
        case .underTwoParents(let tag, let kept, let ignored):
            return t(
                "'\(tag)' is put under both '\(kept)' and '\(ignored)': a tag has one parent, it stays under '\(kept)'",
                "'\(tag)' est placé sous '\(kept)' et sous '\(ignored)' : une étiquette a un seul parent, elle reste sous '\(kept)'"
            )
        case .weightsNotNumbers:
            return t(
                "'weights' should hold 'name: number' lines: ignored",
                "'weights' devrait contenir des lignes 'nom: nombre' : ignoré")
        case .unknownWeight(let name, let suggestion, let names):
            let all = names.joined(separator: ", ")
            return t("unknown weight '\(name)' ignored", "poids inconnu '\(name)' ignoré")
                + language.hint(suggestion, orElse: t(" (the weights are \(all))", " (les poids sont \(all))"))
        case .rolesNotMatrix:
            return t(
                "'roles' should hold 'role: {role: number}' lines: ignored",
                "'roles' devrait contenir des lignes 'rôle: {rôle: nombre}' : ignoré")
        case .unknownRoleKey(let word, let suggestion):
            return t("unknown role '\(word)' ignored", "rôle inconnu '\(word)' ignoré")
                + language.hint(suggestion, orElse: t(" (expected \(roles))", " (attendu \(roles))"))
        case .roleRowNotNumbers(let role):
            return t(
                "'\(role.rawValue)' should hold 'role: number' lines: ignored",
                "'\(role.rawValue)' devrait contenir des lignes 'rôle: nombre' : ignoré")
        case .csvNotText:
            return t("the file is neither UTF-8 nor Windows-1252 text", "le fichier n’est ni du texte UTF-8 ni du Windows-1252")
        case .csvUnclosedQuote:
            return t(
                "a quoted cell starting here is never closed: this row and the rest of the file are not read",
                "une cellule entre guillemets qui commence ici n’est jamais fermée : cette ligne et la suite du fichier ne sont pas lues")
        case .csvReadAsWindows1252:
            return t(
                "the file is not UTF-8: read as Windows-1252 (Excel's French default)",
                "le fichier n’est pas en UTF-8 : lu comme Windows-1252 (le choix par défaut d’Excel en français)")
        case .csvEmpty: return t("the file is empty: expected a header row", "le fichier est vide : une ligne d’en-têtes est attendue")
        case .unusedColumns(let columns):
            let list = columns.map { "'\($0)'" }.joined(separator: ", ")
            return t(
                "columns not used: \(list) (map one with --map 'Column=field')",
                "colonnes non utilisées : \(list) (associez-en une avec --map 'Colonne=champ')")
        case .mappedColumnMissing(let column, let suggestion):
            return t(
                "--map names the column '\(column)', which the sheet does not have",
                "--map nomme la colonne '\(column)', que le tableau n’a pas")
                + hint(suggestion) + t(": nothing is imported", " : rien n’est importé")
        case .noNameColumn:
            return t(
                "no column for the name (a header such as 'Nom', 'Name', or 'Prénom' and 'Nom de famille'; or --map 'Column=name')",
                "aucune colonne pour le nom (un en-tête comme 'Nom', 'Name', ou 'Prénom' et 'Nom de famille' ; ou --map 'Colonne=name')")
        case .tooManyCells(let cells, let columns):
            return t(
                "\(cells) cells for \(columns) columns: the row is skipped",
                "\(cells) cellules pour \(columns) colonnes : la ligne est ignorée")
        case .rowWithoutName: return t("the row has no name: skipped", "la ligne n’a pas de nom : ligne ignorée")
        case .rowNameTooLong(let characters, let limit):
            return t(
                "the name is \(characters) characters long, more than the \(limit) a name may hold: skipped",
                "le nom fait \(characters) caractères, plus que les \(limit) permis : ligne ignorée")
        case .rowWithoutRole(let name):
            return t(
                "\(name) is not in the community, and a new member needs a role (student, startup or entrepreneur): skipped",
                "\(name) ne fait pas partie de la communauté, et un nouveau membre a besoin d’un rôle (étudiant·e, jeune pousse ou entrepreneur·e) : ligne ignorée"
            )
        case .rowUnknownRole(let written, let name, let suggestion):
            return t(
                "unknown role '\(written)' for \(name): expected \(roles)",
                "rôle inconnu '\(written)' pour \(name) : attendu étudiant·e, jeune pousse ou entrepreneur·e")
                + hint(suggestion) + t("; skipped", " ; ligne ignorée")
        case .reservedID(let written, let name):
            return t(
                "the id '\(written)' is the name of one of the folder's own files: \(name) gets an id from the name",
                "l’identifiant '\(written)' est le nom d’un des fichiers propres au dossier : \(name) reçoit un identifiant tiré du nom")
        case .rowBadWing(let wing, let name):
            return t(
                "wing '\(wing)' for \(name) is not 1 to 9: left out",
                "l’aile '\(wing)' \(FrenchDraftWording.of(name)) n’est pas entre 1 et 9 : laissée de côté")
        case .rowBadSlot(let slot, let name):
            return t(
                "availability '\(slot)' for \(name) is not a slot such as 'mardi matin': left out",
                "la disponibilité '\(slot)' \(FrenchDraftWording.of(name)) n’est pas un créneau comme 'mardi matin' : laissée de côté"
            )
        case .rowBadCapacity(let capacity, let name):
            return t(
                "capacity '\(capacity)' for \(name) is not a whole number of mentees (0 or more): left out",
                "la capacité '\(capacity)' \(FrenchDraftWording.of(name)) n’est pas un nombre entier de mentoré·es (0 ou plus) : laissée de côté"
            )
        case .rowList(let problem, let name): return list(problem, in: language) + t(" for \(name)", " pour \(name)")
        case .rowMatchesSeveral(let name, let ids):
            return t(
                "\(name) matches \(ids.count) members (\(ids.joined(separator: ", "))): the row is skipped",
                "\(name) correspond à \(ids.count) membres (\(ids.joined(separator: ", "))) : la ligne est ignorée")
        case .graphSyntax(let detail): return detail
        case .profileNotWritten(let error): return writeError(error, in: language)
        }
    }
}
