/// What `community.yaml` says about the community as a whole.
public struct CommunitySettings: Sendable, Equatable {
    /// The community's name, shown in the prompt and on exports.
    public var name: String?
    public var description: String?
    /// The affinity weights and the role matrix.
    public var weights = AffinityWeights()

    public init(name: String? = nil, description: String? = nil, weights: AffinityWeights = AffinityWeights()) {
        self.name = name
        self.description = description
        self.weights = weights
    }
}
