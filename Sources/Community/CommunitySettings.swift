/// What `community.yaml` says about the community as a whole.
public struct CommunitySettings: Sendable, Equatable {
    /// The community's name, shown in the prompt and on exports.
    public var name: String?
    public var description: String?

    public init(name: String? = nil, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
