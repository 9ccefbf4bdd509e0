import Community
import Ledger
import Matching
import Matchmaker

/// Any error a command can end with, in the reader's language.
enum ErrorWording {
    static func message(_ error: any Error, in language: Language) -> String {
        switch error {
        case let error as any Worded: return error.words(in: language)
        case let error as MatchError: return language.draftWording.matchError(error)
        case let error as Diagnostic: return DiagnosticWording.message(error, in: language)
        default: return String(describing: error)
        }
    }
}

extension LedgerError {
    /// SQLite's words (always English) for the problems a ledger meets most, in the reader's language; others as they are.
    static func sqlite(_ words: String, in language: Language) -> String {
        guard language == .fr else { return words }
        return [
            "file is not a database": "ce n’est pas une base SQLite",
            "database disk image is malformed": "le fichier de la base est abîmé",
            "unable to open database file": "le fichier ne peut pas être ouvert",
            "attempt to write a readonly database": "la base ne peut qu’être lue",
            "disk I/O error": "erreur d’entrée-sortie du disque",
            "database or disk is full": "la base ou le disque est plein",
        ][words] ?? words
    }

    /// The same error with the ledger at `path` named `shown` (as the user gave it).
    func naming(_ path: String, as shown: String) -> LedgerError {
        func name(_ given: String) -> String { given == path ? shown : given }
        switch self {
        case .cannotOpen(let given, let reason): return .cannotOpen(path: name(given), reason: reason)
        case .isFolder(let given): return .isFolder(path: name(given))
        case .notALedger(let given): return .notALedger(path: name(given))
        case .notAFile(let given): return .notAFile(path: name(given))
        case .cannotMakeFolder(let given, let folder): return .cannotMakeFolder(path: name(given), folder: folder)
        case .noFolder(let given, let folder): return .noFolder(path: name(given), folder: folder)
        case .damaged(let given, let detail): return .damaged(path: name(given), detail: detail)
        case .busy(let given): return .busy(path: name(given))
        case .readOnly(let given, let outdated): return .readOnly(path: name(given), outdated: outdated)
        default: return self
        }
    }
}

extension LedgerError: Worded {
    public func words(in language: Language) -> String {
        let t = language.text
        switch self {
        case .cannotOpen(let path, let reason):
            return t("cannot open the ledger \(path): ", "impossible d’ouvrir le registre \(path) : ")
                + Self.sqlite(reason, in: language)
        case .notAFile(let path):
            return t(
                "cannot open the ledger \(path): it is a device or a pipe, not a file",
                "impossible d’ouvrir le registre \(path) : c’est un périphérique ou un tube, pas un fichier")
        case .notALedger(let path):
            return t(
                "\(path) is a database of another program, not a ledger: nothing was written to it; name another file with --ledger",
                "\(path) est la base d’un autre programme, pas un registre : rien n’y a été écrit ; indiquez un autre fichier avec --ledger"
            )
        case .isFolder(let path):
            return t(
                "cannot open the ledger \(path): it is a folder (a ledger is a file: --ledger FOLDER/ledger.sqlite)",
                "impossible d’ouvrir le registre \(path) : c’est un dossier (un registre est un fichier : --ledger DOSSIER/ledger.sqlite)"
            )
        case .cannotMakeFolder(let path, let folder):
            return t(
                "cannot open the ledger \(path): its folder \(folder) cannot be made",
                "impossible d’ouvrir le registre \(path) : son dossier \(folder) ne peut pas être créé")
        case .noFolder(let path, let folder):
            return t(
                "cannot open the ledger \(path): there is no folder \(folder) (a ledger named by --ledger or PATIO_LEDGER is made only in a folder that exists)",
                "impossible d’ouvrir le registre \(path) : le dossier \(folder) n’existe pas (un registre nommé par --ledger ou PATIO_LEDGER n’est créé que dans un dossier existant)"
            )
        case .changedSince(let rounds):
            let names = rounds.map { "'\($0)'" }.joined(separator: ", ")
            return t(
                "rounds were committed since this draft was made (\(names), by another patio): nothing was recorded; 'match' again makes a draft that counts them",
                "des tours ont été enregistrés depuis que ce brouillon a été fait (\(names), par un autre patio) : rien n’a été enregistré ; relancez 'match' pour un brouillon qui en tient compte"
            )
        case .damaged(let path, let detail):
            return t(
                "the ledger \(path) is damaged or is not a ledger (\(detail)): nothing was written to it; move it aside to start a new one there (what it holds stays in it), or name another with --ledger",
                "le registre \(path) est endommagé ou n’est pas un registre (\(Self.sqlite(detail, in: language))) : rien n’y a été écrit ; déplacez-le pour en commencer un nouveau à sa place (ce qu’il contient y reste), ou indiquez-en un autre avec --ledger"
            )
        case .busy(let path):
            return t(
                "the ledger \(path) is busy: another patio is writing to it; try again in a moment",
                "le registre \(path) est occupé : un autre patio y écrit ; réessayez dans un instant")
        case .roundExists(let name):
            return t(
                "a round named '\(name)' is committed already: choose another name",
                "un tour nommé '\(name)' est déjà enregistré : choisissez un autre nom")
        case .unknownRound(let name, let suggestion):
            return t("no round named '\(name)'", "aucun tour nommé '\(name)'") + language.hint(suggestion)
        case .noRounds: return t("no round has been committed yet", "aucun tour n’a encore été enregistré")
        case .nothingUnder(let id):
            return t(
                "the ledger holds nothing under '\(id)': no round, rating or ban names it",
                "le registre ne contient rien sous '\(id)' : aucun tour, aucune note ni exclusion ne le nomme")
        case .inOneRound(let old, let new, let round):
            return t(
                "\(old) and \(new) both sat in round '\(round)': they are two members, and their histories stay apart",
                "\(old) et \(new) étaient tous deux dans le tour '\(round)' : ce sont deux membres, leurs historiques restent séparés"
            )
        case .readOnly(let path, let outdated):
            if outdated {
                return t(
                    "the ledger \(path) was made by an older patio and must be brought up to date, which needs the right to write to it: nothing was read; ask whoever keeps it to open it once with this version",
                    "le registre \(path) a été créé par un patio plus ancien et doit être mis à jour, ce qui demande le droit d’y écrire : rien n’a été lu ; demandez à qui le tient de l’ouvrir une fois avec cette version"
                )
            }
            return t(
                "the ledger \(path) can only be read here (no right to write to it, or to its folder for its journal): nothing was recorded; ask whoever keeps it, or name another with --ledger",
                "le registre \(path) ne peut qu’être lu ici (pas le droit d’y écrire, ni dans son dossier pour son journal) : rien n’a été enregistré ; demandez à qui le tient, ou indiquez-en un autre avec --ledger"
            )
        case .neverMet(let a, let b):
            return t(
                "\(a) and \(b) have not met in a committed round: rate a meeting once the round that holds it is committed",
                "\(a) et \(b) ne se sont pas rencontré·es dans un tour enregistré : notez une rencontre une fois son tour enregistré"
            )
        case .noRating(let a, let b):
            return t("\(a) and \(b) have no rating to clear", "\(a) et \(b) n’ont aucune note à effacer")
        case .failed(let reason):
            return t("the ledger failed: ", "le registre a échoué : ") + Self.sqlite(reason, in: language)
        }
    }
}

extension MatchingError: Worded {
    public func words(in language: Language) -> String {
        switch self {
        case .cancelled:
            // Every computation that can be stopped changes nothing until it is done: the draft before it stays.
            return language.text(
                "the computation was cancelled; nothing was changed", "le calcul a été interrompu ; rien n’a changé")
        case .weightsTooLarge:
            return language.text(
                "the weights are too large for exact 64-bit arithmetic",
                "les poids sont trop grands pour un calcul exact sur 64 bits")
        }
    }
}
