/// Where a match stands while it runs, for whoever waits on it: the Shell
/// shows it at a terminal during a long match. Facts only, reported from the
/// thread that runs the match, at the boundaries between its steps.
public enum MatchStage: Sendable, Equatable {
    /// Round `round` (1-based) of a plan of `rounds` starts.
    case planRound(Int, of: Int)
    /// Those a round left over are paired among themselves, meeting again (`members` of them).
    case leftOver(members: Int)
    /// Each member's best candidates are scored (`members` in the match).
    case candidates(members: Int)
    /// The best pairing or assignment is solved over `pairs` pairs; after the
    /// first time, again from the previous one (`pass` the pass of pricing before it, else 0).
    case solving(pairs: Int, pass: Int)
    /// Pass `pass` (1-based) over the pairs left out of the graph, for those the duals leave uncovered.
    case pricing(pass: Int)
    /// The result is checked against its certificate, over every admissible pair.
    case proving
    /// Circles: tables are formed among `members`.
    case formingTables(members: Int)
    /// Circles: the bound on the best total any grouping could reach is worked out.
    case bounding
}
