import Community

/// Completion of member names (found by id or name), tags and organisations, from the session's community.
enum MemberCompletion {
    static let members = ArgumentCompletion.custom { request in
        request.session.directory.members.map(candidate)
    }

    /// A member by its name; by its id when the name holds what the terminal
    /// would obey (an escape sequence): never typed raw into the line, and
    /// listed with its escapes visible.
    static func candidate(_ member: Member) -> CompletionCandidate {
        let shown = TerminalSafeText.escape(member.name)
        guard shown != member.name else {
            return CompletionCandidate(member.name, label: member.name, keys: [member.id])
        }
        return CompletionCandidate(member.id, label: shown, keys: [member.name])
    }

    /// A member named over several words (`show Émilie Durand`): the first
    /// word offers whole names; a later one, the next word of the names that
    /// begin with the words typed before it.
    static let memberWords = ArgumentCompletion.custom { request in
        guard !request.previousArguments.isEmpty else {
            return request.session.directory.members.map(candidate)
        }
        let typed = request.previousArguments.map(TextFolding.fold)
        var candidates: [String: CompletionCandidate] = [:]
        for member in request.session.directory.members where TerminalSafeText.escape(member.name) == member.name {
            let words = member.name.split(separator: " ").map(String.init)
            guard words.count > typed.count, zip(words, typed).allSatisfy({ TextFolding.fold($0) == $1 }) else {
                continue
            }
            let next = words[typed.count]
            let isLast = words.count == typed.count + 1
            candidates[next] = CompletionCandidate(
                next, label: isLast ? member.name : next, isFinished: isLast || candidates[next]?.isFinished == true)
        }
        return candidates.values.sorted { $0.value < $1.value }
    }

    static func tags(_ kind: TagKind?) -> ArgumentCompletion {
        .custom { request in
            let directory = request.session.directory
            guard let kind else { return directory.allTags.map { CompletionCandidate($0.tag, keys: $0.spellings) } }
            return directory.tagCounts([kind]).map { CompletionCandidate($0.tag) }
        }
    }

    static let organizations = ArgumentCompletion.custom { request in
        Set(request.session.directory.members.compactMap(\.organization)).sorted().map { CompletionCandidate($0) }
    }
}
