import ArgumentParser
import Foundation
import Shell

/// The command line of `patio` (see the README): options, `-c` commands and a script.
struct PatioCommand: ParsableCommand {
    /// The language of `patio --help`: `--lang` when it is on the command line, else the environment's.
    static let language: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let language = Language(word: String(argument.dropFirst(7))) {
                return language
            }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(word: arguments[index + 1]) {
                return language
            }
        }
        return Language.chosen(by: ProcessInfo.processInfo.environment)
    }()

    static func t(_ english: String, _ french: FrenchText) -> String { language.text(english, french) }

    static let configuration = CommandConfiguration(
        commandName: "patio",
        abstract: t(
            "Pair the members of La Serre numérique by skills and interests.",
            "Mettre en relation les membres de La Serre numérique selon leurs compétences et leurs intérêts."),
        discussion: t(
            """
            With no command and a terminal, patio starts the interactive shell. With -c or a \
            SCRIPT it runs those commands and exits; with standard input from a pipe it runs \
            the lines it reads. Type 'help' in the shell for the commands.

            Exit status: 0 when every command succeeded, 1 when a command failed, 2 when the \
            command line itself is wrong.

            Profiles come from --profiles, else PATIO_PROFILES, else ./Profiles when it exists. \
            Problems in them are reported with file, line and column; in batch mode they make \
            the run fail unless --keep-going.

            Environment: PATIO_PROFILES (profiles folder), PATIO_LEDGER (ledger file), PATIO_HISTORY (history file, default \
            ~/.patio_history; empty for none), NO_COLOR (no colour unless --color always), PATIO_LANG (fr or en; \
            otherwise LC_ALL, LC_MESSAGES or LANG decide: French when it starts with fr).
            """,
            """
            Sans commande et dans un terminal, patio ouvre le shell interactif. Avec -c ou un \
            SCRIPT, il exécute ces commandes puis s’arrête ; avec une entrée standard venue d’un \
            tube, il exécute les lignes qu’il lit. Tapez 'help' dans le shell pour les commandes.

            Code de sortie : 0 quand chaque commande a réussi, 1 quand une commande a échoué, 2 quand \
            la ligne de commande elle-même est fausse.

            Les profils viennent de --profiles, sinon de PATIO_PROFILES, sinon de ./Profiles s’il existe. \
            Leurs problèmes sont signalés avec fichier, ligne et colonne ; hors du mode interactif, ils \
            font échouer l’exécution, sauf avec --keep-going.

            Environnement : PATIO_PROFILES (dossier des profils), PATIO_LEDGER (registre), PATIO_HISTORY \
            (historique, par défaut ~/.patio_history ; vide pour aucun), NO_COLOR (pas de couleur sauf \
            --color always), PATIO_LANG (fr ou en ; sinon LC_ALL, LC_MESSAGES ou LANG décident : le français \
            quand la valeur commence par fr).
            """),
        version: "patio 0.1.0"
    )

    @Option(
        help: ArgumentHelp(
            t("The folder of member profiles.", "Le dossier des profils des membres."), valueName: t("dir", "dossier"))
    )
    var profiles: String?

    @Option(
        help: ArgumentHelp(
            t(
                "The ledger of committed rounds (default: .patio/ledger.sqlite in the profiles folder).",
                "Le registre des tours enregistrés (par défaut : .patio/ledger.sqlite dans le dossier des profils)."),
            valueName: t("file", "fichier"))
    )
    var ledger: String?

    @Option(
        help: ArgumentHelp(
            t(
                "How results are shown: table, csv, json or markdown.",
                "Comment les résultats s’affichent : table, csv, json ou markdown."), valueName: "format"))
    var format: String?

    @Option(
        help: ArgumentHelp(
            t("Colour: auto, always or never.", "Couleur : auto, always ou never."), valueName: t("when", "quand")))
    var color: String?

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            t(
                "The language of what patio writes: fr or en (default: PATIO_LANG, else French when LC_ALL, LC_MESSAGES or LANG starts with fr).",
                "La langue de ce que patio écrit : fr ou en (par défaut : PATIO_LANG, sinon le français quand LC_ALL, LC_MESSAGES ou LANG commence par fr)."
            ),
            valueName: t("language", "langue")))
    var language: String?

    // Read as text so that a negative number is refused as a value, not taken for an option.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            t(
                "Seed for every randomised step, so that runs repeat.",
                "Graine de chaque étape aléatoire, pour que les exécutions se répètent."), valueName: "n"))
    var seed: String?

    @Flag(
        help: ArgumentHelp(
            t(
                "Carry on after a failed command; exit 1 at the end if any failed.",
                "Continuer après une commande en échec ; sortir avec 1 à la fin si l’une a échoué.")))
    var keepGoing = false

    @Option(
        name: .customShort("c"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            t(
                "Run this command, then exit (repeatable; runs before SCRIPT).",
                "Exécuter cette commande, puis s’arrêter (répétable ; passe avant le script)."),
            valueName: t("command", "commande")))
    var commands: [String] = []

    @Argument(
        help: ArgumentHelp(
            t(
                "A file of commands to run ('#' starts a comment).",
                "Un fichier de commandes à exécuter ('#' commence un commentaire)."), valueName: "script"))
    var script: String?

    mutating func validate() throws {
        do {
            if let format { _ = try OutputFormat.parse(format, as: "format") }
            if let color { _ = try ColorMode.parse(color, as: "color") }
            if let language, Language(word: language) == nil {
                throw ShellError.invalidValue(
                    language, for: "--lang", expected: .oneOf(Language.names), suggestion: nil)
            }
            // An empty path would be the working folder: most likely a variable left unset in a script.
            for (option, value) in [("--ledger", ledger), ("--profiles", profiles)] where value?.isEmpty == true {
                throw ShellError.invalidValue("", for: option, expected: .path, suggestion: nil)
            }
            if let seed, UInt64(seed) == nil {
                throw ShellError.invalidValue(
                    seed, for: "--seed", expected: .wholeNumber(from: "0", to: String(UInt64.max)), suggestion: nil)
            }
        } catch {
            throw ValidationError((error as? ShellError)?.words(in: Self.language) ?? String(describing: error))
        }
    }

    /// The settings the command line asks for, over the defaults.
    func settings(environment: [String: String]) -> Settings {
        var settings = Settings()
        settings.language = language.flatMap(Language.init(word:)) ?? Language.chosen(by: environment)
        if let format, let value = try? OutputFormat.parse(format, as: "format") { settings.format = value }
        if let color, let value = try? ColorMode.parse(color, as: "color") { settings.color = value }
        if let seed = seed.flatMap({ UInt64($0) }) { settings.seed = seed }
        settings.keepGoing = keepGoing
        return settings
    }

    /// Parses the process arguments; prints help or the version and exits 0,
    /// or prints the problem and exits 2.
    /// - Parameter outputWasClosed: standard output was closed when patio
    ///   started: the help or version it prints is lost, and said so.
    static func parseOrExit(outputWasClosed: Bool = false) -> PatioCommand {
        // The arguments are read as text: bytes that are not UTF-8 are refused, never replaced.
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument)).bindMemory(to: UInt8.self)
            if case .notUTF8(let column, let byte) = ScriptLine(bytes: bytes) {
                FileHandleOutput.writeError(
                    "patio: "
                        + t(
                            "argument \(index) is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))",
                            "l’argument \(index) n’est pas du texte UTF-8 (octet 0x\(String(byte, radix: 16, uppercase: true)) à la colonne \(column))"
                        ) + "\n"
                )
                Foundation.exit(2)
            }
        }
        do {
            guard let command = try parseAsRoot() as? PatioCommand else { throw CleanExit.helpRequest() }
            return command
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let text =
                    Self.usageFitted(Self.translated(fullMessage(for: error)), to: TerminalWindow.size(of: 1)?.columns)
                    + "\n"
                // Help or the version that cannot be written (a full disk, output closed) fails, as any output does.
                if outputWasClosed || !FileHandleOutput.writeAll(Array(text.utf8)[...], to: STDOUT_FILENO) {
                    let code = outputWasClosed ? EBADF : errno
                    FileHandleOutput.writeError(
                        t("error: ", "erreur : ")
                            + ShellError.outputNotWritten(reason: .system(code)).words(in: Self.language) + "\n")
                    Foundation.exit(1)
                }
                Foundation.exit(0)
            }
            // The usage lines are the parser's; what was typed in them is escaped
            // (its line breaks too, so that it cannot forge a line) and shortened.
            var message = Self.translated(fullMessage(for: error))
            let typed = CommandLine.arguments.dropFirst().flatMap { argument in
                [argument] + (argument.split(separator: "=", maxSplits: 1).dropFirst().map(String.init))
            }
            for argument in typed.sorted(by: { $0.count > $1.count }) where TerminalSafeText.line(argument) != argument
            {
                message = message.replacingOccurrences(of: argument, with: TerminalSafeText.line(argument))
            }
            message = TerminalSafeText.escape(message, keepingLineBreaks: true)
            message = Self.usageFitted(message, to: TerminalWindow.size(of: 2)?.columns)
            FileHandleOutput.writeError(message.hasSuffix("\n") ? message : message + "\n")
            Foundation.exit(2)
        }
    }

    /// The usage line, on one line from the parser, broken between its
    /// options to fit a terminal `width` wide, the lines after the first
    /// lined up after `patio `; other lines as they are.
    static func usageFitted(_ text: String, to width: Int?) -> String {
        guard let width else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard DisplayWidth.of(line) > width, let start = line.range(of: "patio ") else { return String(line) }
            let indent = String(repeating: " ", count: DisplayWidth.of(line[..<start.upperBound]))
            var fitted: [String] = []
            var current = String(line[..<start.upperBound])
            var rest = line[start.upperBound...]
            // The pieces: each option in its brackets, or a word.
            while !rest.isEmpty {
                let end: String.Index
                if rest.first == "[", let close = rest.firstIndex(of: "]") {
                    end = rest.index(after: close)
                } else {
                    end = rest.firstIndex(of: " ") ?? rest.endIndex
                }
                let piece = String(rest[..<end])
                rest = rest[end...].drop { $0 == " " }
                // The first piece stays after `patio `, however wide.
                if DisplayWidth.of(current) + 1 + DisplayWidth.of(piece) > width && !current.hasSuffix("patio ") {
                    fitted.append(current)
                    current = indent + piece
                } else {
                    current += (current.hasSuffix(" ") ? "" : " ") + piece
                }
            }
            fitted.append(current)
            return fitted.joined(separator: "\n")
        }
        return lines.joined(separator: "\n")
    }

    /// The argument parser's own words, in French when patio speaks French,
    /// and its errors worded as patio's own (`error: unknown option …`).
    static func translated(_ text: String) -> String {
        let words: [(String, String, FrenchText)] = [
            ("Error: ", "error: ", "erreur : "), ("Unknown option '", "unknown option '", "option inconnue '"),
            ("Missing value for '", "missing value for '", "valeur manquante pour '"),
            ("Missing expected argument '", "missing expected argument '", "argument manquant '"),
            ("Unexpected argument '", "unexpected argument '", "argument inattendu '"),
            ("OVERVIEW:", "OVERVIEW:", "DESCRIPTION :"), ("USAGE:", "USAGE:", "UTILISATION :"),
            ("ARGUMENTS:", "ARGUMENTS:", "ARGUMENTS :"), ("OPTIONS:", "OPTIONS:", "OPTIONS :"),
            ("Show the version.", "Show the version.", "Afficher la version."),
            ("Show help information.", "Show help information.", "Afficher cette aide."),
            ("Usage: ", "Usage: ", "Utilisation : "),
            (
                "See 'patio --help' for more information.", "See 'patio --help' for more information.",
                "Voir 'patio --help' pour en savoir plus."
            ),
            ("Did you mean '", "Did you mean '", "Vouliez-vous dire '"), ("'?", "'?", "' ?"),
            ("Help:  ", "Help:  ", "Aide :  "),
        ]
        return words.reduce(text) { $0.replacingOccurrences(of: $1.0, with: language.text($1.1, $1.2)) }
    }
}
