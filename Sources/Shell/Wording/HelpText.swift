import Community

/// The help of commands, arguments, options and settings in each language.
/// English is written in the command table beside each command; French is
/// here, in one place, keyed by what it describes. `HelpTextTests` fails
/// when a command, argument, option or setting has no French.
enum HelpText {
    static func summary(of spec: CommandSpec, in language: Language) -> String {
        language == .fr ? french[spec.name] ?? spec.summary : spec.summary
    }

    static func details(of spec: CommandSpec, in language: Language) -> String {
        guard language == .fr, !spec.details.isEmpty else { return spec.details }
        return french[spec.name + ":details"] ?? spec.details
    }

    static func summary(of argument: ArgumentSpec, command: String, in language: Language) -> String {
        language == .fr ? french[command + " " + argument.name] ?? argument.summary : argument.summary
    }

    static func summary(of option: OptionSpec, command: String, in language: Language) -> String {
        guard language == .fr else { return option.summary }
        return french[command + " --" + option.name] ?? french["--" + option.name] ?? option.summary
    }

    static func summary(of setting: SettingSpec, in language: Language) -> String {
        guard language == .fr else { return setting.summary }
        if let text = french["set " + setting.name] { return text }
        let parts = setting.name.split(separator: ".").map(String.init)
        if parts.count == 3, parts[0] == "role", let a = Role(rawValue: parts[1]), let b = Role(rawValue: parts[2]) {
            return FrenchText(
                "À quel point \(FrenchDraftWording.withArticle(a)) et \(FrenchDraftWording.withArticle(b)) vont ensemble ; de 0 à 1 000"
            ).text
        }
        return setting.summary
    }

    static func title(of group: CommandGroup, in language: Language) -> String {
        switch (group, language) {
        case (_, .en): return group.rawValue
        case (.shell, .fr): return "Shell"
        case (.profiles, .fr): return "Profils"
        case (.matching, .fr): return "Mises en relation"
        case (.rounds, .fr): return "Tours et registre"
        }
    }

    /// What help says of an option's value: its range or choices, its default, its modes.
    static func valueHint(of option: OptionSpec, in language: Language) -> String? {
        var parts: [String] = []
        switch option.kind {
        case .integer(let range):
            let (low, high) = (language.grouped(range.lowerBound), language.grouped(range.upperBound))
            parts.append(language.text("\(low) to \(high)", "de \(low) à \(high)"))
        case .choice(let words): parts.append(words.joined(separator: ", "))
        case .flag, .text: break
        }
        if let value = option.defaultValue { parts.append(language.text("default " + value, "par défaut \(value)")) }
        if let modes = option.modes {
            let list = modes.joined(separator: ", ")
            parts.append(language.text(list + " only", "\(list) seulement"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: language.semicolon)
    }

    /// Every text a French reader needs, keyed `command`, `command:details`,
    /// `command ARGUMENT`, `command --option` (or `--option` for every command
    /// that has it) and `set NAME`.
    static let french: [String: String] = frenchTexts.mapValues(\.text)

    private static let frenchTexts: [String: FrenchText] = [
        "help": "Lister les commandes, ou expliquer l’une d’elles",
        "help:details":
            "Tout début unique d’une commande la remplace ('he' pour 'help'), et chaque commande accepte --help.",
        "help COMMAND": "La commande à expliquer",
        "quit": "Quitter le shell (Ctrl-D aussi)",
        "quit:details":
            "Dans un script, quit termine le script et l’exécution : le code de sortie dit si une commande a échoué avant.",
        "set": "Afficher les réglages, ou en changer un",
        "set:details":
            "Sans argument, chaque réglage et sa valeur ; avec un nom, ce réglage ; avec un nom et une valeur, le change pour le reste de la session.",
        "set NAME": "Le réglage",
        "set VALUE": "Sa nouvelle valeur",
        "echo": "Afficher les arguments, séparés par des espaces",
        "echo:details": "Pratique dans les scripts pour annoncer ce qui suit.",
        "echo TEXT": "Les mots à afficher",
        "source": "Exécuter les commandes d’un fichier script",
        "source:details":
            "Les lignes s’exécutent dans l’ordre ; '#' commence un commentaire. Le script s’arrête à la première commande en échec, sauf si keep-going est activé ; les erreurs nomment le fichier et la ligne.",
        "source FILE": "Le script",
        "load": "Recharger les profils, ou un autre dossier de profils",
        "load:details":
            "Chaque problème d’un fichier est signalé avec sa ligne et sa colonne ; les profils valides se chargent quand même. Dans un script, un problème fait échouer la commande (sauf si keep-going est activé).",
        "load FOLDER": "Un dossier de profils (le dossier actuel s’il est omis)",
        "members": "Lister les membres, ou ceux qui répondent à tous les filtres donnés",
        "members:details":
            "Les étiquettes se reconnaissent quelle que soit leur graphie (casse, accents, alias de la taxonomie), et une étiquette plus large trouve les plus précises qu’elle contient : --skill '3D modeling' trouve Blender.",
        "--role":
            "student, startup ou entrepreneur (les mots français aussi : étudiant·e, jeune pousse, entrepreneur·e, mentor)",
        "--skill": "A cette compétence",
        "--interest": "A cet intérêt",
        "--seeking": "Recherche ceci",
        "--offering": "Propose ceci",
        "--wing": "Est dans cette aile",
        "--org": "Le nom de l’organisation contient TEXTE",
        "--limit": "Afficher les N premières lignes ; 0 les affiche toutes",
        "show": "Afficher la fiche d’un membre",
        "show:details":
            "Par identifiant ou par nom ; le début d’un prénom ou d’un nom suffit quand un seul membre l’a. Plusieurs membres, chacun par un identifiant ou un mot (un nom de plusieurs mots entre guillemets), donnent une fiche chacun.",
        "show MEMBER": "Un identifiant ou un nom (sans guillemets)",
        "search": "Chercher dans les noms, compétences, intérêts, besoins, offres et bios",
        "search:details":
            "Classé : une étiquette entière compte plus qu’un mot d’une bio, la compétence d’un·e expert·e plus que celle d’un·e débutant·e. Casse et accents sont indifférents, et les étiquettes pardonnent une faute de frappe.",
        "search TEXT": "Ce qu’il faut chercher",
        "tags": "Chaque étiquette avec le nombre de membres qui l’ont ; --unmet : les besoins que personne ne couvre",
        "tags:details":
            "Les graphies d’une étiquette comptent pour une (casse, accents, alias). Avec --unmet, les besoins qu’aucun autre membre ne propose ni n’a comme compétence, et qui les a.",
        "tags --kind": "Un seul type d’étiquette",
        "tags --unmet": "Ce que des membres recherchent et que personne ne propose",
        "stats": "Les membres par rôle, aile et organisation, et combien de besoins trouvent une offre",
        "import": "Lire des membres depuis un export de tableur (CSV) : les nouveaux sont créés, les connus mis à jour",
        "import:details":
            "Séparateur virgule, point-virgule ou tabulation, UTF-8 (avec ou sans BOM) ou Windows-1252, en-têtes en anglais ou en français (Nom, Prénom, Rôle, Organisation, Compétences, Centres d’intérêt, Recherche, Propose, Langues, Disponibilités, Bio…). Chaque ligne est rapprochée du membre qu’elle décrit : par sa colonne d’identifiant, sinon son contact, sinon son nom et son organisation. Une nouvelle personne reçoit un profil ; une personne connue est mise à jour sur place (même identifiant, même fichier), une personne inchangée est laissée telle quelle : importer deux fois le même fichier ne change rien. Quelqu’un qui porte le nom d’un membre mais vient d’une autre organisation est tenu à part et listé. Sans --write rien n’est enregistré : le plan est seulement affiché. Une cellule vide garde la valeur du membre, sauf avec --force.",
        "import FILE": "Le fichier CSV",
        "import --map": "Lire une colonne comme un champ (ou l’ignorer avec 'ignore')",
        "import --write": "Créer et mettre à jour les fichiers de profil",
        "import --force": "Une cellule vide vide le champ du membre (sinon il garde sa valeur)",
        "match": "Proposer un tour : paires, mentorat ou cercles",
        "match:details":
            "pairs : l’appariement de plus grande affinité totale, prouvé optimal. mentoring : étudiant·es et jeunes pousses confié·es à des entrepreneur·es dans la limite de leurs places (optimal, ou --stable). circles : des tables de trois qui mêlent les rôles, avec leur distance au meilleur possible. Les épingles, les exclusions, la nouveauté (qui s’est vu récemment) et les notes passées comptent. Le résultat est un brouillon : 'why', 'diff', 'commit' et 'export' s’en servent.",
        "match MODE": "pairs, mentoring ou circles",
        "--everyone": "Apparier (ou affecter) d’abord le plus de membres possible, puis au mieux",
        "--among":
            "Seulement ces membres : CLÉ=VALEUR[,CLÉ=VALEUR…] avec role, skill, interest, seeking, offering, wing, org",
        "--stable": "Stable et le meilleur pour chaque mentoré·e au lieu du meilleur total",
        "--size": "Membres par table",
        "--any-roles": "Tout mélange de rôles à une table (un de chaque rôle sinon)",
        "--no-repeats":
            "Tenir à l’écart toute paire qu’un tour enregistré a réunie, tant qu’il existe une autre possibilité (les membres restants se retrouvent ensuite entre eux)",
        "--full":
            "Chaque raison de chaque groupe (dans un terminal, un brouillon montre la plus forte, en quelques mots)",
        "plan": "Proposer N tours successifs : jamais deux fois la même paire tant qu’il y a une autre possibilité",
        "plan:details":
            "Chaque tour compte les précédents comme des rencontres ; qui n’a pas eu de partenaire, ou un partenaire peu adapté, passe en premier au tour suivant. Le premier tour devient le brouillon ; 'commit' l’enregistre et amène le suivant.",
        "plan N": "Combien de tours (de 2 à 20)",
        "plan MODE": "pairs, mentoring ou circles",
        "draft": "Montrer à nouveau le brouillon, tel que 'match' l’a montré",
        "draft:details":
            "Le brouillon qu’a fait le dernier 'match' ou 'plan' (après le 'commit' d’un tour planifié, le suivant), avec ce qu’il garantit, sans rien recalculer.",
        "why": "Pourquoi deux membres se rencontreraient (ou ne le peuvent pas) : leur score, terme à terme",
        "why A": "Un membre (identifiant ou nom)",
        "why B": "Un autre membre",
        "suggest": "Qui un membre devrait rencontrer ensuite, du meilleur au moins bon, avec les raisons",
        "suggest MEMBER": "Un identifiant ou un nom",
        "pin": "Faire se rencontrer deux membres au prochain tour",
        "pin:details":
            "Chaque mise en relation respecte une épingle (ou explique le conflit) ; 'unpin' la retire.",
        "pin A": "Un membre (identifiant ou nom)",
        "pin B": "Un autre membre",
        "forbid": "Tenir deux membres à l’écart l’un de l’autre aux prochains tours",
        "forbid:details":
            "L’exclusion est gardée dans le registre : les sessions suivantes les tiennent aussi à l’écart, jusqu’à 'unpin'. Sans registre où écrire, elle dure le temps de la session.",
        "forbid A": "Un membre (identifiant ou nom)",
        "forbid B": "Un autre membre",
        "unpin": "Retirer une épingle ou une exclusion entre deux membres",
        "unpin A": "Un membre (identifiant ou nom)",
        "unpin B": "Un autre membre",
        "constraints": "Les épingles de cette session et les exclusions en vigueur",
        "solve": "Apparier exactement les sommets d’un fichier de graphe pondéré",
        "solve:details":
            "FILE contient un graphe général ('n m', puis des lignes 'u v w') ou biparti ('n_gauche n_droite m', puis des lignes 'i j w' ; le sommet droit j porte le numéro n_gauche + j). pairs : couplage de poids maximal ; assignment : chaque sommet gauche à au plus un sommet droit (fichiers bipartis). Chaque réponse est prouvée par son certificat dual, vérifié après la mesure du temps. Ctrl-C arrête un calcul long.",
        "solve FILE": "Le graphe",
        "solve --mode": "pairs (couplage général) ou assignment (biparti)",
        "solve --max-cardinality": "Apparier d’abord le plus de sommets possible, puis les plus lourds",
        "solve --list": "Lister aussi les paires (le JSON les contient toujours)",
        "diff": "Ce que le brouillon change par rapport au dernier tour enregistré",
        "diff:details":
            "Les paires du brouillon nouvelles, gardées et terminées par rapport au dernier tour enregistré, ou à un autre avec --round ; --limit réduit chaque liste à ses N premières (le JSON les garde toutes).",
        "diff --round": "Un tour enregistré auquel comparer au lieu du dernier",
        "commit": "Enregistrer le brouillon comme un tour dans le registre",
        "commit:details":
            "Une seule transaction : le tour est enregistré entier ou pas du tout, avec ce qui a été prouvé à son sujet. Avec un plan, le tour planifié suivant devient le brouillon ; --all enregistre tous les tours planifiés (NOM-1, NOM-2…). Les épingles valaient pour ce tour : l’enregistrement les retire, sauf avec --keep-pins. Les exclusions restent jusqu’à 'unpin'.",
        "commit NAME": "Le nom du tour (par défaut : le mode et la date)",
        "commit --all": "Enregistrer tous les tours planifiés",
        "commit --keep-pins": "Garder les épingles de la session pour les tours suivants",
        "rounds": "Les tours enregistrés jusqu’ici",
        "rounds:details": "Les plus anciens d’abord ; --limit N montre les N derniers.",
        "round": "Afficher un tour enregistré",
        "round NAME": "Le tour (le dernier s’il est omis)",
        "history": "Toutes les personnes qu’un membre a rencontrées, des plus récentes aux plus anciennes",
        "history MEMBER": "Un identifiant ou un nom",
        "rate": "Noter une rencontre, de 1 à 5 (compte pour les tours suivants), ou effacer ses notes",
        "reassign": "Donner à un membre les tours, notes et exclusions enregistrés sous un ancien identifiant",
        "reassign:details":
            "L’identifiant d’un membre vient du nom de son fichier, sauf si le profil donne un 'id:' : un fichier renommé laisse ce que le registre garde sous l’ancien identifiant, où 'history', la nouveauté et --no-repeats ne le voient pas ('load' signale un tel identifiant). ANCIEN est un identifiant qu’aucun profil ne porte aujourd’hui ; MEMBRE un membre. Une seule transaction ; refusé quand les deux étaient dans un même tour (deux membres).",
        "reassign OLD": "L’identifiant du registre qu’aucun profil ne porte aujourd’hui",
        "reassign MEMBER": "Le membre qu’il désignait",
        "rate:details":
            "Seule une rencontre qui a eu lieu peut être notée : les deux membres doivent s’être vus dans un tour enregistré. Une remarque dit ce qui en est sorti ('history' et 'why' l’affichent). Les notes déplacent les scores futurs de la paire (3 est neutre, 'set weight.feedback') ; --clear retire toutes les notes de la paire.",
        "rate A": "Un membre (identifiant ou nom)",
        "rate B": "Un autre membre",
        "rate RATING": "1 (mauvais) à 5 (excellent)",
        "rate NOTE": "Quelques mots",
        "rate --clear": "Retirer plutôt les notes de la paire",
        "export": "Écrire le brouillon ou un tour dans un fichier : .csv .json .md .html .dot .ics .graph",
        "export:details":
            "« .csv » : une ligne par membre (protégée contre les formules) ; « .json » : comme --format json ; « .md » : Markdown ; « .html » : une feuille imprimable de fiches de rencontre pour le tableau du patio ; « .dot » : un graphe Graphviz de la communauté avec l’appariement en évidence ; « .ics » : une invitation d’agenda par paire ou par table (--at, --minutes, --place ; heures de Paris) ; « .graph » : les paires sur lesquelles 'match pairs' résout (chaque paire admissible jusqu’à 1 500 membres ; au-delà, les candidats et les paires ajoutées par la tarification, les autres étant prouvées couvertes), chacune avec son score entier, au format de graphe du banc d’essai (sommet i = le i-ème membre dans l’ordre des identifiants), pour qu’un autre solveur vérifie l’optimum ; avec --all-pairs, chaque paire admissible qui marque des points, quelle que soit la taille de la communauté (n²/2 paires pour n membres). Avec un brouillon de 'match pairs', le graphe est celui de ce brouillon : ses membres, ses exclusions et ses poids, sans ses membres épinglés (une note donne leurs points). Avec un brouillon de 'match mentoring', son affectation au format biparti : ses mentorés à affecter face aux places restantes de ses mentors, chaque paire une fois par place, pour que le meilleur couplage du fichier soit la meilleure affectation. Sinon les paires de toute la communauté. Le fichier est écrit entier ou pas du tout.",
        "export FILE": "Où écrire",
        "export --round": "Un tour enregistré au lieu du brouillon",
        "export --at":
            "Quand les rencontres commencent (2026-12-01T10:00) : l’heure des invitations, le jour de la feuille ; par défaut demain à 10 h pour .ics, le jour du tour pour .html",
        "export --minutes": "Leur durée",
        "export --place": "Où (par défaut : le patio de la communauté)",
        "export --all-pairs": "Chaque paire admissible, avec son score (lent et volumineux, à dessein)",
        "--help": "Expliquer comment utiliser la commande",
        "--format": "Comment afficher ce résultat",
        "set format": "Comment les résultats s’affichent : table, csv, json ou markdown",
        "set color": "Couleur : auto (dans un terminal sans NO_COLOR), always ou never",
        "set seed": "Graine de chaque étape aléatoire, pour que les exécutions se répètent",
        "set keep-going": "Les scripts continuent après une commande en échec",
        "set timing": "Indiquer la durée de chaque commande (sur la sortie d’erreur)",
        "set expanded":
            "Tableaux en fiches (un champ par ligne) : auto (quand ils ne tiennent pas dans la fenêtre), on ou off",
        "set pager":
            "À l’invite, une sortie plus haute que la fenêtre passe par $PAGER ou less : auto, on (toute sortie) ou off",
        "set language": "La langue de ce que Patio écrit : fr ou en",
        "set weight.complementarity":
            "Un besoin couvert par une offre ou une compétence (selon la rareté et le niveau) ; de 0 à 1 000",
        "set weight.interests": "Un intérêt partagé (selon la rareté) ; de 0 à 1 000",
        "set weight.role": "La matrice des rôles (réglages role.*) ; de 0 à 1 000",
        "set weight.organization": "Deux organisations différentes ; de 0 à 1 000",
        "set weight.wing": "Deux ailes différentes ; de 0 à 1 000",
        "set weight.novelty":
            "Combien une rencontre récente abaisse le score d’une paire (1 : pas deux fois de suite) ; de 0 à 1 000",
        "set weight.feedback": "Combien les notes passées déplacent le score d’une paire ; de 0 à 1 000",
        "set weight.partial": "Crédit pour une étiquette apparentée dans la taxonomie ; de 0 à 1 000",
        "set candidates":
            "Meilleurs partenaires de départ de chaque membre dans une grande communauté (plus de 1 500) ; de 1 à 10 000",
    ]
}

extension HelpText {
    /// The placeholders of synopses in French (`FILE` → `FICHIER`); option and command names stay.
    /// Examples whose words are prose (a rating's note), in French.
    static let frenchExamples = [
        "rate aicha-trehou timothee-lheureux 5 a new internship came of it":
            "rate aicha-trehou timothee-lheureux 5 un stage est né de la rencontre"
    ]

    /// An example as the help shows it in `language`.
    static func example(_ example: String, in language: Language) -> String {
        language == .fr ? frenchExamples[example] ?? example : example
    }

    static let frenchPlaceholders = [
        "FILE": "FICHIER", "MEMBER": "MEMBRE", "OLD": "ANCIEN", "TAG": "ÉTIQUETTE", "KEY": "CLÉ", "DIR": "DOSSIER",
        "NAME": "NOM",
        "VALUE": "VALEUR", "TEXT": "TEXTE",
        "FOLDER": "DOSSIER", "COMMAND": "COMMANDE", "RATING": "NOTE", "NOTE": "REMARQUE", "FILTER": "FILTRE",
        "DATETIME": "DATEHEURE", "COLUMN": "COLONNE", "FIELD": "CHAMP", "KIND": "TYPE",
    ]

    /// `show MEMBER...` as `show MEMBRE...` in French: each placeholder (a word in capitals) translated.
    static func placeholders(_ text: String, in language: Language) -> String {
        guard language == .fr else { return text }
        var result = ""
        var word = ""
        func flush() {
            result += frenchPlaceholders[word] ?? word
            word = ""
        }
        for character in text {
            if character.isUppercase && character.isASCII || (character == "_" && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
