import Community

/// Why two members would gain from meeting, as a fact the shell words: the
/// terms of their score, each with what made it.
public enum PairReason: Sendable, Equatable, Hashable, Codable {
    /// `offerer` offers or has the skill `tag` (as they write it), which
    /// `seeker` seeks — `sought` is how the seeker writes the need when `tag`
    /// is a narrower or broader tag in the taxonomy (partial credit); `means`
    /// says which (nil in rounds recorded before it was kept).
    case needMet(seeker: String, offerer: String, tag: String, sought: String?, means: Means? = nil)
    /// Both have this interest (as the first writes it).
    case sharedInterest(String)
    /// How well their roles go together (the lower role first).
    case roles(Role, Role)
    /// They come from different organisations.
    case differentOrganizations(String, String)
    /// They work in different wings.
    case differentWings(Int, Int)

    /// How an offerer meets a need: it offers the tag, or has it as a skill
    /// (at the level it gives, if any).
    public enum Means: Sendable, Equatable, Hashable, Codable {
        case offer
        case skill(SkillLevel?)
    }
}

/// How a pair's past moves its score, as a fact.
public enum Adjustment: Sendable, Equatable, Codable {
    /// They met `roundsAgo` rounds ago: the score is cut by `percent` %.
    case met(roundsAgo: Int, percent: Int)
    /// Their meetings were rated `average` out of 5: the score moves by `percent` % (negative: down).
    case rated(average: Double, percent: Int)
}

/// Something to talk about first, as a fact.
public enum Starter: Sendable, Equatable, Codable {
    /// An interest the members share.
    case sharedInterest(String)
    /// `asker` is interested in `topic`, which `expert` has as a skill.
    case askAbout(asker: String, expert: String, topic: String)
    /// Nothing shared: one member's interest.
    case interest(of: String, topic: String)
}
