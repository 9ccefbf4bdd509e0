import Community
import Foundation
import Matchmaker

/// French. Role nouns are written as the profiles write them (étudiant·e,
/// jeune pousse, entrepreneur·e); tags, which are the community's own words,
/// are quoted rather than given an article they may not agree with.
struct FrenchDraftWording: DraftWording {
    private static let french = Language.fr

    /// `un·e étudiant·e`, `une jeune pousse`, `un·e entrepreneur·e`.
    static func withArticle(_ role: Role) -> String {
        role == .startup ? "une jeune pousse" : "un·e " + role.frenchName
    }

    /// `étudiant·es`, `jeunes pousses`, `entrepreneur·es`.
    static func plural(_ role: Role) -> String {
        switch role {
        case .student: return "étudiant·es"
        case .startup: return "jeunes pousses"
        case .entrepreneur: return "entrepreneur·es"
        }
    }

    /// `de jeunes pousses`, `d’étudiant·es`: `de` elided before a vowel.
    static func of(_ words: String) -> String {
        guard let first = words.first.map({ String($0).lowercased() }) else { return "de" }
        return "aeéèêiîoôuh".contains(first) ? "d’" + words : "de " + words
    }

    static func counted(_ count: Int, _ role: Role) -> String {
        count <= 1 ? "\(count) \(role.frenchName)" : "\(count) \(plural(role))"
    }

    static func counted(_ count: Int, _ noun: String) -> String { french.counted(count, noun, noun) }

    /// `« Blender »`: a tag as the community writes it.
    static func quoted(_ tag: String) -> String { "«\u{A0}\(tag)\u{A0}»" }

    private func fr(_ text: FrenchText) -> String { text.text }

    /// « propose « Blender » », « connaît « Blender » (expert·e) » : how an offerer has the tag.
    static func holds(_ tag: String, _ means: PairReason.Means?) -> String {
        guard case .skill(let level) = means else { return "propose \(quoted(tag))" }
        return "connaît \(quoted(tag))" + (level.map { " (\(Language.fr.level($0)))" } ?? "")
    }

    func reason(_ reason: PairReason, name: (String) -> String) -> String {
        switch reason {
        case .needMet(let seeker, let offerer, let tag, nil, let means):
            return fr("\(name(offerer)) \(Self.holds(tag, means)), que recherche \(name(seeker))")
        case .needMet(let seeker, let offerer, let tag, let sought?, let means):
            return fr(
                "\(name(offerer)) \(Self.holds(tag, means)), proche de \(Self.quoted(sought)) que recherche \(name(seeker))"
            )
        case .sharedInterest(let tag):
            return fr("intérêt commun : \(Self.quoted(tag))")
        case .roles(let low, let high) where low == high:
            return "deux \(Self.plural(low))"
        case .roles(let low, let high):
            return "\(Self.withArticle(low)) et \(Self.withArticle(high))"
        case .differentOrganizations(let a, let b):
            return "d’organisations différentes (\(a), \(b))"
        case .differentWings(let a, let b):
            return "de l’aile \(a) et de l’aile \(b)"
        }
    }

    func shortReason(_ reason: PairReason, shortName name: (String) -> String) -> String {
        switch reason {
        case .needMet(let seeker, _, let tag, _, _): return "\(tag) pour \(name(seeker))"
        case .sharedInterest(let tag): return fr("en commun : \(tag)")
        case .roles(let low, let high): return "\(low.frenchName) + \(high.frenchName)"
        case .differentOrganizations: return "autres organisations"
        case .differentWings: return "autres ailes"
        }
    }

    func starter(_ starter: Starter, shortName name: (String) -> String) -> String {
        switch starter {
        case .sharedInterest(let topic):
            return fr("Qu’est-ce qui vous a amené·es vers \(Self.quoted(topic)) ?")
        case .askAbout(let asker, let expert, let topic):
            return fr(
                "\(name(asker)) demande à \(name(expert)) : comment avez-vous appris \(Self.quoted(topic)) ?"
            )
        case .interest(let member, let topic):
            return fr(
                "\(name(member)), qu’est-ce qui vous attire dans \(Self.quoted(topic)) ?")
        }
    }

    func adjustment(_ adjustment: Adjustment) -> String {
        switch adjustment {
        case .met(let roundsAgo, let percent):
            let when = roundsAgo == 1 ? "au dernier tour" : "il y a \(roundsAgo) tours"
            return fr("déjà rencontré·es \(when) : −\(percent) %")
        case .rated(let average, let percent):
            let change = percent == 0 ? "sans effet" : "\(percent > 0 ? "+" : "−")\(abs(percent))\u{A0}%"
            return fr("noté·es \(Self.french.decimal(average))/5 auparavant : \(change)")
        }
    }

    func guarantee(_ guarantee: Guarantee, total: Int64, mode: Draft.Mode) -> String {
        let people =
            guarantee.isWholeCommunity
            ? "des \(Language.fr.grouped(guarantee.members)) membres"
            : "des \(Language.fr.grouped(guarantee.members)) membres mis·es en relation"
        var scope: [String] = []
        if guarantee.pinnedGroups > 0 {
            scope.append(
                guarantee.pinnedGroups == 1
                    ? "compte tenu d’une épingle" : "compte tenu de \(guarantee.pinnedGroups) épingles")
        }
        if guarantee.isFairnessAdjusted { scope.append("pour les scores de ce tour ajustés par équité") }
        if guarantee.isCardinalityFirst {
            scope.append(
                mode == .mentoring
                    ? "parmi les affectations qui placent le plus de mentoré·es"
                    : "parmi les appariements qui forment le plus de paires")
        }
        let pairs = mode == .mentoring ? "paire mentoré·e–mentor admissible" : "paire admissible"
        if guarantee.excludesRepeats {
            scope.insert(
                guarantee.excludesEarlierRounds == true
                    ? "parmi les paires qui ne se sont jamais vues"
                    : "parmi les paires qui ne se sont pas vues dans ce plan",
                at: 0)
        }
        let qualifiers = scope.isEmpty ? "" : ", " + scope.joined(separator: ", ")
        var text: String
        switch guarantee.claim {
        case .optimal:
            switch guarantee.coverage {
            case .everyAdmissiblePair:
                text = "optimal (prouvé sur chaque \(pairs) \(people)\(qualifiers))"
            case .candidates(let perMember, let count):
                text = fr(
                    "optimal parmi les paires candidates seulement (les \(perMember) meilleurs partenaires de chaque membre, \(Self.french.grouped(count)) paires\(qualifiers)) ; non prouvé sur toutes les paires"
                )
            }
        case .stable:
            text = fr(
                "stable : aucune paire mentoré·e–mentor ne se préférerait l’un·e l’autre à son affectation (vérifié sur l’ensemble \(people)\(qualifiers))"
            )
        case .withinBound(let bound, let seated, let tables):
            let share = bound > 0 ? Int((Double(total) * 100 / Double(bound)).rounded(.down)) : 100
            let seating =
                seated.map { $0 == guarantee.members ? "" : " qui place au moins \(Self.french.grouped($0)) membres" }
                ?? ""
            let into = tables.map { "en \(Self.counted($0, "table"))" } ?? "en ces tables"
            let apart =
                !guarantee.excludesRepeats
                ? ""
                : guarantee.excludesEarlierRounds == true
                    ? " en séparant celles et ceux qui se sont déjà vu·es"
                    : " en séparant celles et ceux qui se sont vu·es dans ce plan"
            text = fr(
                "au moins \(share) % du meilleur possible : aucune répartition \(people) \(into)\(seating)\(apart) ne dépasse \(Self.french.points(bound)) points"
            )
            if guarantee.pinnedGroups > 0 { text += " (hors épingles)" }
        case .none:
            text = "aucune garantie enregistrée"
        }
        if guarantee.repeatPairs > 0 {
            text += fr(
                " ; puis \(Self.counted(guarantee.repeatPairs, "paire")) parmi les membres restants, qui se revoient (optimal parmi elles)"
            )
        }
        return text
    }

    func cause(_ cause: UnmatchedCause) -> String {
        func whom(_ partners: UnmatchedCause.Partners) -> String {
            partners == .mentors ? "aucun·e mentor" : "personne"
        }
        switch cause {
        case .noSharedLanguage(let speaks, let partners):
            return "aucune langue en commun avec \(whom(partners)) (parle \(Self.french.languages(speaks)))"
        case .noCommonSlot(let free, let partners):
            return "aucun créneau en commun avec \(whom(partners)) (libre \(Self.french.slots(free)))"
        case .everyPartnerForbidden(let partners):
            return partners == .mentors ? "chaque mentor est exclu·e" : "chaque partenaire possible est exclu·e"
        case .nobodyElse: return "personne d’autre à rencontrer"
        case .sharesNoTag: return "aucun besoin, aucune offre ni aucun intérêt en commun avec quiconque"
        case .nothingInCommon(let partners):
            return partners == .mentors
                ? "rien en commun avec les mentors (--everyone affecte quand même)"
                : fr("rien en commun avec les membres disponibles (scores de 0 ; --everyone apparie quand même)")
        case .oddOneOut: return fr("nombre impair de membres : une personne reste seule")
        case .compatibleAlreadyPaired: return "toutes les personnes compatibles sont déjà en paire"
        case .noMentors: return "aucun·e entrepreneur·e pour accompagner qui que ce soit"
        case .mentorsFull: return "les mentors qui conviennent sont complets"
        case .noCompatibleTable:
            return
                "chaque table qui a une place libre compte quelqu’un que ce membre ne peut pas rencontrer (langue, créneau ou exclusion)"
        case .tablesFull(let scarce):
            guard let scarce, let role = Role(rawValue: scarce) else {
                return "toutes les tables sont pleines, et il reste trop peu de monde pour une autre"
            }
            return
                "toutes les tables sont pleines (une place de plus chacune), et il reste trop peu \(Self.of(Self.plural(role))) pour une autre table mixte"
        case .noTableTogether:
            return
                "toutes les tables sont pleines, et les membres restants ne peuvent pas s’asseoir ensemble (langue, créneau ou exclusion)"
        case .tooFewForTable(let size): return "trop peu de membres pour une table de \(size)"
        }
    }

    func note(_ note: Draft.Note) -> String {
        switch note {
        case .pinSetAside(let pair, .notBothMatched):
            return fr(
                "épingle \(pair) mise de côté : l’un·e des deux au moins n’est pas parmi les membres mis·es en relation"
            )
        case .pinSetAside(let pair, .notMenteeAndMentor):
            return fr("épingle \(pair) mise de côté : en mentorat, une épingle relie un·e mentoré·e et un·e mentor")
        case .pinSetAside(let pair, .mentorFull(let mentor)):
            return fr("épingle \(pair) mise de côté : \(mentor) n’a plus de place")
        case .pinHonoured(let pair): return "épingle \(pair) respectée"
        case .pinNotHonoured(let pair): return fr("épingle \(pair) : ces tables n’ont pas pu la respecter")
        case .mentorsWithRoom(let rooms):
            return fr("mentors qui ont encore de la place : ")
                + rooms.map { "\($0.id) (\($0.left) sur \($0.capacity))" }.joined(separator: ", ")
        case .planRound(let index, let count): return "tour \(index) d’un plan de \(count)"
        case .tableMakeUp(let counts):
            let parts = zip(Role.allCases, counts).filter { $0.1 > 0 }.map { Self.counted($0.1, $0.0) }
            return fr("tables de \(counts.reduce(0, +)) : ") + parts.joined(separator: ", ")
                + " chacune (--any-roles pour tout mélange)"
        }
    }

    func pinWarning(_ warning: PinWarning, name: (String) -> String) -> String {
        switch warning {
        case .overrides(let pair, .language):
            return "épinglé·es bien que \(name(pair.first)) et \(name(pair.second)) n’aient aucune langue en commun"
        case .overrides(let pair, .availability):
            return "épinglé·es bien que \(name(pair.first)) et \(name(pair.second)) n’aient aucun créneau en commun"
        case .overrides(let pair, .forbidden):
            return "épinglé·es bien que \(name(pair.first)) et \(name(pair.second)) soient exclu·es"
        case .scoresNothing(let pair):
            return "épinglé·es bien que \(name(pair.first)) et \(name(pair.second)) aient un score de 0 ensemble"
        }
    }

    func exclusion(_ exclusion: Admissibility.Exclusion, _ a: Member, _ b: Member) -> String {
        switch exclusion {
        case .language:
            return fr(
                "aucune langue en commun (\(a.name) : \(Self.french.languages(a.languages)) ; \(b.name) : \(Self.french.languages(b.languages)))"
            )
        case .availability:
            return fr(
                "aucun créneau en commun (\(a.name) : \(Self.french.slots(a.availability)) ; \(b.name) : \(Self.french.slots(b.availability)))"
            )
        case .forbidden:
            return "tenu·es à l’écart (unpin \(a.id) \(b.id) lève l’exclusion)"
        }
    }

    func matchError(_ error: MatchError) -> String {
        let french = Self.french
        switch error {
        case .pinnedTwice(let member, let partners):
            return fr(
                "\(member) est épinglé·e avec \(partners.joined(separator: " et ")) : retirez une épingle (unpin \(member) \(partners[0]))"
            )
        case .pinnedAndForbidden(let pair):
            return fr(
                "\(pair.first) et \(pair.second) sont à la fois épinglé·es et exclu·es : retirez d’abord l’épingle (unpin)"
            )
        case .tooFewMembers(let count):
            return count == 0 ? "aucun membre à mettre en relation" : "un seul membre à mettre en relation"
        case .tablesTooSmallToMix(let size):
            return fr(
                "des tables de \(size) ne peuvent pas réunir les trois rôles : ajoutez --any-roles, ou utilisez 'match pairs'"
            )
        case .roleMissingForTables(let role):
            return fr(
                "aucun·e \(role.frenchName) parmi les membres, et chaque table réunit les trois rôles : ajoutez --any-roles, ou mettez plus de membres en relation"
            )
        case .noMentees:
            return fr(
                "aucun·e étudiant·e ni aucune jeune pousse parmi les membres : le mentorat les relie à des entrepreneur·es"
            )
        case .proofFailed(let mode, let failure):
            let what: String
            switch failure {
            case .certificate(let detail, let count):
                what =
                    "le certificat d’optimalité ne tient pas (\(detail)\(count > 1 ? ", et \(count - 1) de plus" : ""))"
            case .totalMismatch(let draft, let checked):
                what =
                    "son total \(french.points(draft)) n’est pas la somme des scores de ses paires, \(french.points(checked))"
            case .blockingPair(let mentee, let mentor):
                what = "\(mentee) et \(mentor) préféreraient tous deux être ensemble"
            case .invalidGroups(let detail):
                what = "ses tables enfreignent les règles (\(detail))"
            case .boundBelowTotal(let bound, let total):
                what =
                    "la borne \(french.points(bound)) est inférieure au total trouvé, \(french.points(total))"
            }
            return fr(
                "le brouillon \(mode.rawValue) a échoué à sa vérification et a été écarté : \(what) ; rien n’est affirmé à son sujet"
            )
        }
    }
}
