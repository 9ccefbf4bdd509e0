/// The sizes Patio accepts, so that no input costs time or memory out of
/// proportion to its size. Each is reported when passed (the README lists
/// them); none is silent.
public enum Limits {
    /// A profile file, in bytes.
    public static let profileBytes = 256 * 1024
    /// The text of a profile once its YAML aliases are expanded, in characters
    /// (an alias repeats what its anchor holds).
    public static let expandedProfileCharacters = 256 * 1024
    /// The nodes (values, lists, keys) of a profile once its aliases are expanded.
    public static let expandedProfileNodes = 20_000
    /// Items in one list of a profile (skills, interests, seeking, offering, languages, availability).
    public static let listItems = 500
    /// Characters in one tag (a skill, an interest…) and in a name.
    public static let tagCharacters = 200
    /// Levels of parents above a tag that count (a need met by a tag that many levels narrower).
    public static let taxonomyDepth = 8
    /// Characters in a round's name and in a rating's note.
    public static let roundNameCharacters = 100
    public static let noteCharacters = 1000
    /// Bytes in one command line.
    public static let commandLineBytes = 64 * 1024
    /// Bytes in a script file (`source`, or the SCRIPT of the command line).
    public static let scriptBytes = 16 * 1024 * 1024
    /// The characters of a typed word compared when suggesting the nearest valid one.
    public static let suggestionCharacters = 64
}
