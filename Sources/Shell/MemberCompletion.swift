import Community

/// Completion of member names (found by id or name), tags and organisations, from the session's community.
enum MemberCompletion {
    static let members = ArgumentCompletion.custom { request in
        request.session.directory.members.map { member in
            CompletionCandidate(member.name, label: member.name, keys: [member.id])
        }
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
