import Community

/// What can go wrong in the shell itself, as facts; the wording is in one
/// place, `description`.
public enum ShellError: Error, Equatable, CustomStringConvertible, Worded {
    case unknownCommand(String, suggestion: String?)
    case ambiguousCommand(String, candidates: [String])
    /// `help WORD` where WORD is no command but an option of these commands.
    case helpForAnOption(String, commands: [String])
    case unknownOption(String, command: String, suggestion: String?)
    case missingOptionValue(option: String, command: String)
    case flagTakesNoValue(option: String, command: String)
    case repeatedOption(option: String, command: String)
    case optionDoesNotApply(option: String, command: String, modes: [String], given: String)
    case missingArgument(name: String, command: String)
    case unexpectedArgument(String, command: String)
    case invalidValue(String, for: String, expected: Expected, suggestion: String?)
    case unterminatedQuote(Character, column: Int)
    case unknownSetting(String, suggestion: String?)
    case cannotRead(path: String, reason: FileReason)
    case cannotWrite(path: String, reason: FileReason)
    /// What a command wrote to standard output could not all be written.
    case outputNotWritten(reason: FileReason)
    /// A line of a script or of standard input that is not UTF-8 text.
    case lineNotUTF8(column: Int, byte: UInt8)
    case lineTooLong(bytes: Int, limit: Int)
    case sourceTooDeep(path: String, limit: Int)
    case interrupted
    /// Ctrl-C while profiles loaded: the community loaded before, if any, is kept.
    case loadInterrupted(keptFolder: String?, members: Int)
    /// Batch mode: the profiles had errors, so the commands were not run.
    case notRunAfterLoadErrors
    /// The same, when the profiles folder itself could not be read.
    case notRunWithoutFolder
    /// A failure whose messages were written already (a script's own errors).
    case reported

    public var description: String { words(in: .en) }

    public func words(in language: Language) -> String {
        let t = language.text
        let hint = { (suggestion: String?, fallback: String) in language.hint(suggestion, orElse: fallback) }
        switch self {
        case .unknownCommand(let word, let suggestion):
            return t("unknown command '\(word)'", "commande inconnue '\(word)'")
                + hint(suggestion, t(" (type 'help' to see the commands)", " (tapez 'help' pour voir les commandes)"))
        case .helpForAnOption(let word, let commands):
            let list = language.andList(commands, quoted: true)
            return t(
                "'\(word)' is not a command: --\(word) is an option of \(list) (see 'help \(commands[0])')",
                "'\(word)' n’est pas une commande : --\(word) est une option de \(list) (voir 'help \(commands[0])')")
        case .ambiguousCommand(let word, let candidates):
            let list = language.orList(candidates, quoted: true)
            return t(
                "ambiguous command '\(word)': it could be \(list)", "commande ambiguë '\(word)' : ce peut être \(list)")
        case .unknownOption(let option, let command, let suggestion):
            return t("unknown option '\(option)' for '\(command)'", "option inconnue '\(option)' pour '\(command)'")
                + hint(suggestion, t(" (see 'help \(command)')", " (voir 'help \(command)')"))
        case .missingOptionValue(let option, let command):
            return t(
                "option '--\(option)' of '\(command)' needs a value",
                "l’option '--\(option)' de '\(command)' attend une valeur")
        case .flagTakesNoValue(let option, let command):
            return t(
                "option '--\(option)' of '\(command)' takes no value",
                "l’option '--\(option)' de '\(command)' ne prend pas de valeur")
        case .repeatedOption(let option, let command):
            return t(
                "option '--\(option)' of '\(command)' is given more than once",
                "l’option '--\(option)' de '\(command)' est donnée plus d’une fois")
        case .optionDoesNotApply(let option, let command, let modes, let given):
            let list = language.orList(modes)
            return t(
                "--\(option) applies to \(list), not to '\(command) \(given)'",
                "--\(option) vaut pour \(list), pas pour '\(command) \(given)'")
        case .missingArgument(let name, let command):
            return t(
                "'\(command)' needs \(name) (see 'help \(command)')",
                "'\(command)' attend \(HelpText.placeholders(name, in: language)) (voir 'help \(command)')")
        case .unexpectedArgument(let word, let command):
            return t(
                "unexpected argument '\(word)' for '\(command)' (see 'help \(command)')",
                "argument inattendu '\(word)' pour '\(command)' (voir 'help \(command)')")
        case .invalidValue(let value, let name, let expected, let suggestion):
            let shown = TerminalSafeText.phrase(value)
            let expected = expected.text(in: language)
            let french =
                ["rating": "note", "note": "remarque", "round name": "nom de tour", "role": "rôle"][name] ?? name
            return t(
                "invalid \(name) '\(shown)': expected \(expected)",
                "\(french) invalide '\(shown)' : attendu \(expected)")
                + language.hint(suggestion)
        case .unterminatedQuote(let quote, let column):
            let single = quote == "'"
            return t(
                "unterminated \(single ? "single" : "double") quote starting at column \(column)",
                "guillemet \(single ? "simple" : "double") ouvert à la colonne \(column) et jamais fermé")
        case .unknownSetting(let name, let suggestion):
            return t("unknown setting '\(name)'", "réglage inconnu '\(name)'")
                + hint(suggestion, t(" (type 'set' to see the settings)", " (tapez 'set' pour voir les réglages)"))
        case .cannotRead(let path, let reason):
            return t("cannot read \(path): ", "impossible de lire \(path) : ") + FileReason.text(reason, in: language)
        case .cannotWrite(let path, let reason):
            return t("cannot write \(path): ", "impossible d’écrire \(path) : ") + FileReason.text(reason, in: language)
        case .outputNotWritten(let reason):
            return t("the output could not be written: ", "la sortie n’a pas pu être écrite : ")
                + FileReason.text(reason, in: language)
        case .lineNotUTF8(let column, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return t(
                "the line is not UTF-8 text (byte 0x\(hex) at column \(column)): it is not run",
                "la ligne n’est pas du texte UTF-8 (octet 0x\(hex) à la colonne \(column)) : elle n’est pas exécutée")
        case .lineTooLong(let bytes, let limit):
            return t(
                "the line is \(bytes) bytes long, more than the \(limit) a command line may hold: it is not run",
                "la ligne fait \(language.grouped(bytes)) octets, plus que les \(language.grouped(limit)) permis pour une commande : elle n’est pas exécutée"
            )
        case .sourceTooDeep(let path, let limit):
            return t(
                "cannot source \(path): scripts are nested more than \(limit) deep",
                "impossible d’exécuter \(path) : les scripts sont imbriqués sur plus de \(limit) niveaux")
        case .interrupted:
            return t("interrupted", "interrompu")
        case .loadInterrupted(let folder, let members):
            guard let folder else {
                return t(
                    "interrupted: no profiles are loaded ('load' starts again)",
                    "interrompu : aucun profil n’est chargé ('load' relance le chargement)")
            }
            return t(
                "interrupted: the community loaded before is kept (\(Language.en.grouped(members)) members from \(folder))",
                "interrompu : la communauté chargée avant est gardée (\(Language.fr.grouped(members)) membres de \(folder))"
            )
        case .notRunWithoutFolder:
            return t(
                "no command was run, as the profiles folder could not be read (above); --keep-going runs them without profiles",
                "aucune commande n’a été exécutée, le dossier des profils n’ayant pas pu être lu (ci-dessus) ; --keep-going les exécute sans profils"
            )
        case .notRunAfterLoadErrors:
            return t(
                "some profiles could not be loaded (above): no command was run; --keep-going runs them with the profiles that loaded",
                "des profils n’ont pas pu être chargés (ci-dessus) : aucune commande n’a été exécutée ; --keep-going les exécute avec les profils chargés"
            )
        case .reported:
            return t("failed", "échec")
        }
    }

}

/// What a value should have been.
public enum Expected: Equatable, Sendable {
    /// One of these words.
    case oneOf([String])
    /// A whole number in a range (written as text, so that it may be as large as a seed).
    case wholeNumber(from: String, to: String)
    /// A decimal number in a range.
    case number(from: String, to: String)
    /// A role, in English or in French.
    case role
    /// A text of at most `limit` characters, none hidden.
    case shortText(limit: Int)
    /// A round's name: as `shortText`, and neither blank nor with spaces at its ends (it would look like no name).
    case roundName(limit: Int)
    /// A bipartite graph file, for `solve --mode assignment`.
    case bipartiteFile
    /// A path, not empty.
    case path

    static func wholeNumber(in range: ClosedRange<Int>) -> Expected {
        .wholeNumber(from: String(range.lowerBound), to: String(range.upperBound))
    }

    func text(in language: Language) -> String {
        switch self {
        case .oneOf(let words): return language.orList(words)
        case .wholeNumber(let low, let high):
            let (low, high) = (language.grouped(digits: low), language.grouped(digits: high))
            return language.text("a whole number from \(low) to \(high)", "un nombre entier de \(low) à \(high)")
        case .number(let low, let high):
            let (low, high) = (language.grouped(digits: low), language.grouped(digits: high))
            return language.text("a number from \(low) to \(high)", "un nombre de \(low) à \(high)")
        case .role:
            let english = Role.frenchSpellings.joined(separator: ", ")
            let french = Language.fr.orList(Role.frenchSpellings)
            return language.text(
                "student, startup or entrepreneur (or \(english))", "\(french) (ou student, startup, entrepreneur)")
        case .shortText(let limit):
            return language.text(
                "at most \(limit) characters, without control or invisible characters",
                "au plus \(limit) caractères, sans caractère de contrôle ni invisible")
        case .roundName(let limit):
            return language.text(
                "a name not blank and with no space at either end, at most \(limit) characters, without control or invisible characters",
                "un nom non vide et sans espace au début ni à la fin, d’au plus \(limit) caractères, sans caractère de contrôle ni invisible"
            )
        case .path: return language.text("a path, not empty", "un chemin, non vide")
        case .bipartiteFile:
            return language.text(
                "a bipartite file ('n_left n_right m' on its first line) for assignment",
                "un fichier biparti ('n_gauche n_droite m' en première ligne) pour assignment")
        }
    }
}

/// Why a file named on a command line cannot be read or written.
public enum FileReason: Equatable, Sendable {
    case missing, denied, folder, pipe, device
    case tooLarge(limitMiB: Int)
    case noFolder(String)
    case noSuchFolder
    case notFolder
    case inTheWay
    case noScratchRoom
    case scratchNotWritten
    case cannotBeWritten
    /// What the system said (`errno`).
    case system(Int32)

    static func text(_ reason: FileReason, in language: Language) -> String {
        switch reason {
        case .missing: return language.text("no such file", "fichier introuvable")
        case .denied: return language.text("permission denied", "permission refusée")
        case .folder: return language.text("it is a folder", "c’est un dossier")
        case .pipe: return language.text("it is a pipe, not a file", "c’est un tube, pas un fichier")
        case .device: return language.text("it is a device, not a file", "c’est un périphérique, pas un fichier")
        case .tooLarge(let limit):
            return language.text("a script holds at most \(limit) MiB", "un script fait au plus \(limit) Mio")
        case .noFolder(let folder):
            return language.text("there is no folder \(folder)", "le dossier \(folder) n’existe pas")
        case .noSuchFolder: return language.text("no such folder", "dossier introuvable")
        case .notFolder: return language.text("it is not a folder", "ce n’est pas un dossier")
        case .inTheWay: return language.text("a file is in the way", "un fichier est dans le chemin")
        case .noScratchRoom:
            return language.text("no room for a scratch file", "pas de place pour un fichier de travail")
        case .scratchNotWritten:
            return language.text("the scratch file could not be written", "le fichier de travail n’a pas pu être écrit")
        case .cannotBeWritten: return language.text("it cannot be written", "il ne peut pas être écrit")
        case .system(let code): return language.systemError(code)
        }
    }
}

/// An error that says itself in each language.
public protocol Worded {
    func words(in language: Language) -> String
}
