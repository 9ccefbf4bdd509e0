import Foundation
import Yams

/// A folder of profiles: one YAML file a member (`*.yaml`, `*.yml`), plus
/// `community.yaml` (settings) and `taxonomy.yaml` (tag aliases and parents).
///
/// Loading never stops at a bad file: every problem becomes a diagnostic with
/// its file, line and column, and every valid member loads. Files are read in
/// path order; when two claim the same id, the first keeps it and the second
/// is reported, naming the first.
/// Shares a buffer with the workers of `concurrentPerform`: each writes its own slot only.
struct UnsafeSendable<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

public enum ProfileFolder {
    public static let settingsFile = "community.yaml"
    public static let taxonomyFile = "taxonomy.yaml"

    public struct Loaded: Sendable {
        public var directory: Directory
        public var diagnostics: [Diagnostic]
        /// Profile files looked at (settings and taxonomy excluded).
        public var fileCount: Int
        /// The members whose file was read now, not taken from the cache:
        /// every one without a cache; on a folder loaded before, only those
        /// whose file is new, renamed or changed.
        public var readNow: Set<String> = []

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    /// The names in a folder (without `.` and `..`), read as bytes: those
    /// that are UTF-8, and the others (FileManager would have replaced their
    /// bytes, and two such names could not be told apart). Nil when the
    /// folder cannot be read.
    static func names(in folder: String) -> (names: [String], notUTF8: [[UInt8]])? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        var notUTF8: [[UInt8]] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) { names.append(name) } else { notUTF8.append(bytes) }
        }
        return (names, notUTF8)
    }

    /// Whether a file of the folder is a profile: `.yaml` or `.yml`, not hidden, not the taxonomy or the settings.
    static func isProfile(_ name: String) -> Bool {
        !name.hasPrefix(".") && name != taxonomyFile && name != settingsFile
            && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    /// A name in bytes as text: UTF-8 where it is, each byte of what is not as `\\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<(offset + length)] { text += String(format: "\\x%02X", byte) }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }

    /// Each file's stamp, looked at on every core, by batches between which
    /// `isCancelled` is asked (the stamps not taken then are nil).
    static func stamps(of names: [String], in folder: String, isCancelled: () -> Bool) -> [ProfileCache.Stamp?] {
        var stamps = [ProfileCache.Stamp?](repeating: nil, count: names.count)
        stamps.withUnsafeMutableBufferPointer { buffer in
            let shared = UnsafeSendable(buffer)
            let batch = 4096
            for start in stride(from: 0, to: names.count, by: batch) {
                if isCancelled() { return }
                let count = min(batch, names.count - start)
                DispatchQueue.concurrentPerform(iterations: (count + 255) / 256) { chunk in
                    for index in (start + chunk * 256)..<min(start + count, start + chunk * 256 + 256) {
                        shared.buffer[index] = ProfileCache.Stamp(
                            path: (folder as NSString).appendingPathComponent(names[index]))
                    }
                }
            }
        }
        return stamps
    }

    /// Reads and parses profile files concurrently; each result in its file's place.
    /// Files go by batches, and `isCancelled` is asked between two: nil when it said yes.
    static func parse(
        _ names: [String], folder: String, display: (String) -> String, isCancelled: () -> Bool
    ) -> [Result<ProfileReader.Outcome, Diagnostic>]? {
        let results = UnsafeMutableBufferPointer<Result<ProfileReader.Outcome, Diagnostic>?>.allocate(
            capacity: names.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let shown = names.map(display)
        let base = UnsafeSendable(results)
        @Sendable func parseOne(_ index: Int) {
            let file = (folder as NSString).appendingPathComponent(names[index])
            let result = readText(file, shownAs: shown[index], consequence: .profileNotLoaded).map {
                ProfileReader.read($0, path: shown[index], defaultID: (names[index] as NSString).deletingPathExtension)
            }
            base.buffer[index] = result
        }
        let batch = 256
        for start in stride(from: 0, to: names.count, by: batch) {
            if isCancelled() { return nil }
            let count = min(batch, names.count - start)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                parseOne(start + offset)
            }
        }
        return results.map { $0! }
    }

    /// A file of the folder as text: within the size limit, UTF-8 (a
    /// byte-order mark skipped), or the problem and `consequence`.
    static func readText(_ file: String, shownAs shown: String, consequence: Diagnostic.Consequence) -> Result<
        String, Diagnostic
    > {
        switch BoundedFile.read(file, limit: Limits.profileBytes) {
        case .success(let data):
            return UTF8Text.decode(data).mapError { problem in
                Diagnostic(
                    path: shown, line: problem.line, column: problem.column, .notUTF8(byte: problem.byte),
                    consequence: consequence)
            }
        case .failure(let problem):
            return .failure(Diagnostic(path: shown, BoundedFile.fact(problem), consequence: consequence))
        }
    }

    public static func load(_ path: String, shownAs shown: String, usesCache: Bool = false) -> Loaded {
        load(path, shownAs: shown, usesCache: usesCache, isCancelled: { false })!
    }

    /// Loads the folder unless `isCancelled` says to stop (it is asked often
    /// enough to stop within a fraction of a second): nil then.
    /// - Parameters:
    ///   - path: the folder on disk.
    ///   - shown: how diagnostics name it (the path as the user typed it).
    ///   - usesCache: take the files unchanged since the last load from
    ///     `.patio/profiles.cache` (see `ProfileCache`), and keep it up to date.
    public static func load(
        _ path: String, shownAs shown: String, usesCache: Bool = false, isCancelled: () -> Bool
    ) -> Loaded? {
        var diagnostics: [Diagnostic] = []
        func display(_ name: String) -> String {
            shown.isEmpty || shown == "." ? name : (shown.hasSuffix("/") ? shown + name : shown + "/" + name)
        }
        guard let listing = Self.names(in: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            diagnostics.append(Diagnostic(path: shown, exists ? .cannotReadFolder : .noSuchFolder))
            return Loaded(directory: Directory(members: []), diagnostics: diagnostics, fileCount: 0)
        }
        let names = listing.names
        // A profile whose name is not UTF-8 could be neither shown as it is nor told from another:
        // said in its place among the profiles (by its escaped name), and counted as one of them.
        var unnamed = listing.notUTF8.map(Self.escaped).filter(Self.isProfile).sorted()[...]
        func text(of name: String) -> String? {
            let file = (path as NSString).appendingPathComponent(name)
            switch readText(file, shownAs: display(name), consequence: .fileIgnored) {
            case .success(let text): return text
            case .failure(let problem):
                diagnostics.append(problem)
                return nil
            }
        }

        var taxonomy = Taxonomy.empty
        if names.contains(taxonomyFile), let content = text(of: taxonomyFile) {
            let read = TaxonomyFile.read(content, path: display(taxonomyFile))
            taxonomy = read.taxonomy
            diagnostics += read.diagnostics
        }
        var settings = CommunitySettings()
        if names.contains(settingsFile), let content = text(of: settingsFile) {
            let read = SettingsFile.read(content, path: display(settingsFile))
            settings = read.settings
            diagnostics += read.diagnostics
        }

        let profiles = names.filter(Self.isProfile).sorted()
        // Files are read and parsed on every core; their results are then
        // taken in path order, so the outcome is the same as one by one.
        // Those unchanged since the cache was written are taken from it.
        var outcomes = [Result<ProfileReader.Outcome, Diagnostic>?](repeating: nil, count: profiles.count)
        var stamps = [ProfileCache.Stamp?](repeating: nil, count: profiles.count)
        // The files are looked at while the cache is read, on another core.
        guard
            let cache = usesCache
                ? ProfileCache.read(
                    in: path, fileCount: profiles.count, isCancelled: isCancelled,
                    meanwhile: { stamps = Self.stamps(of: profiles, in: path, isCancelled: isCancelled) })
                : ProfileCache(),
            !isCancelled()
        else {
            return nil
        }
        if usesCache {
            for (index, name) in profiles.enumerated() {
                if let kept = cache.outcome(for: name, stamp: stamps[index], shownAs: display(name)) {
                    outcomes[index] = .success(kept)
                }
            }
        }
        let missing = profiles.indices.filter { outcomes[$0] == nil }
        guard
            let parsed = Self.parse(
                missing.map { profiles[$0] }, folder: path, display: display, isCancelled: isCancelled)
        else {
            return nil
        }
        for (index, result) in zip(missing, parsed) { outcomes[index] = result }
        if isCancelled() { return nil }
        if usesCache && (!missing.isEmpty || cache.entries.count != profiles.count) {
            // A file read now is kept only when it did not change while it was read.
            let now = Self.stamps(of: missing.map { profiles[$0] }, in: path, isCancelled: { false })
            var changed = Set<Int>()
            for (index, stamp) in zip(missing, now) where stamp != stamps[index] { changed.insert(index) }
            var fresh = ProfileCache()
            for (index, name) in profiles.enumerated() {
                guard case .success(let outcome)? = outcomes[index], let stamp = stamps[index],
                    !changed.contains(index)
                else { continue }
                fresh.keep(outcome, for: name, stamp: stamp)
            }
            fresh.write(in: path)
        }
        if isCancelled() { return nil }
        var members: [Member] = []
        members.reserveCapacity(profiles.count)
        var owner: [String: Int] = [:]
        owner.reserveCapacity(profiles.count)
        var files: [String: String] = [:]
        files.reserveCapacity(profiles.count)
        var readNow = Set<String>()
        let parsedNow = Set(missing)
        func sayUnnamed(before name: String?) {
            while let first = unnamed.first, name.map({ first < $0 }) ?? true {
                diagnostics.append(Diagnostic(path: display(first), .fileNameNotUTF8, consequence: .profileNotLoaded))
                unnamed.removeFirst()
            }
        }
        let fileCount = profiles.count + unnamed.count
        for (index, (name, parsed)) in zip(profiles, outcomes).enumerated() {
            sayUnnamed(before: name)
            let outcome: ProfileReader.Outcome
            switch parsed! {
            case .failure(let problem):
                diagnostics.append(problem)
                continue
            case .success(let read):
                outcome = read
            }
            diagnostics += outcome.diagnostics
            guard let member = outcome.member else { continue }
            if let first = owner[member.id] {
                diagnostics.append(
                    Diagnostic(
                        path: display(name), line: outcome.idPosition?.line ?? 1,
                        column: outcome.idPosition?.column ?? 1,
                        .duplicateID(member.id, firstFile: display(profiles[first]))))
                continue
            }
            owner[member.id] = index
            files[member.id] = name
            members.append(member)
            if parsedNow.contains(index) { readNow.insert(member.id) }
        }
        sayUnnamed(before: nil)
        return Loaded(
            directory: Directory(members: members, taxonomy: taxonomy, settings: settings, files: files),
            diagnostics: diagnostics, fileCount: fileCount, readNow: readNow)
    }
}

/// `taxonomy.yaml`: `aliases:` (a tag, then the other ways to write it) and
/// `parents:` (a broader tag, then the narrower ones under it).
///
/// ```yaml
/// aliases:
///   Unreal Engine: [UE5, UE4, Unreal]
/// parents:
///   3D modeling: [Blender, Maya, ZBrush]
/// ```
enum TaxonomyFile {
    static func read(_ text: String, path: String) -> (taxonomy: Taxonomy, diagnostics: [Diagnostic]) {
        var taxonomy = Taxonomy.empty
        // Where each child was put under its parent, to point at a link that closes a cycle.
        var placed: [String: Node] = [:]
        /// Each link's place in the file (line, then column), to break a cycle at the link written last.
        var written: [String: Int] = [:]
        var reader = FieldReader(path: path)
        guard
            let mapping = reader.topLevelKeys(
                of: text, shape: .taxonomy, consequence: .taxonomyIgnored)
        else {
            return (taxonomy, ProfileReader.inLineOrder(reader.diagnostics))
        }
        var sections: [(name: String, entries: Node.Mapping)] = []
        for (key, value) in mapping {
            let section = key.string ?? ""
            guard section == "aliases" || section == "parents" else {
                let suggestion = Suggestions.nearest(to: section, among: ["aliases", "parents"], reach: .likelyTypo)
                reader.warn(key, .unknownSection(section, suggestion: suggestion))
                continue
            }
            guard case .mapping(let entries) = value else {
                reader.warn(value, .sectionNotTagLists(section))
                continue
            }
            sections.append((section, entries))
        }
        // Aliases first, wherever they are in the file: a parent's tags are then taken through them.
        func name(_ key: String) -> String { taxonomy.displayNames[key] ?? key }
        for (section, entries) in sections.sorted(by: { $0.name < $1.name }) {
            for (tag, others) in entries {
                guard let tagName = tag.string else { continue }
                for other in reader.list(others, field: tagName) {
                    if section == "aliases" {
                        if let kept = taxonomy.addAlias(other, for: tagName) {
                            reader.warn(others, .aliasOfTwoTags(other, kept: name(kept), ignored: tagName))
                        }
                    } else if let kept = taxonomy.addParent(tagName, of: other) {
                        reader.warn(others, .underTwoParents(other, kept: name(kept), ignored: tagName))
                    } else {
                        placed[taxonomy.key(for: other)] = others
                        written[taxonomy.key(for: other)] =
                            (others.mark?.line ?? 0) * 100_000 + (others.mark?.column ?? 0)
                    }
                }
            }
        }
        for (key, child, parent) in taxonomy.breakCycles(order: written) {
            reader.warn(placed[key], .parentCycle(child: child, parent: parent))
        }
        return (taxonomy, ProfileReader.inLineOrder(reader.diagnostics))
    }
}

/// `community.yaml`: `name:`, `description:`, `weights:` (affinity weights by
/// name) and `roles:` (how well two roles go together, `student: {entrepreneur: 1.0}`).
enum SettingsFile {
    static let keys = ["name", "description", "weights", "roles"]

    static func read(_ text: String, path: String) -> (settings: CommunitySettings, diagnostics: [Diagnostic]) {
        var settings = CommunitySettings()
        var reader = FieldReader(path: path)
        guard
            let mapping = reader.topLevelKeys(
                of: text, shape: .settings, consequence: .settingsIgnored)
        else {
            return (settings, ProfileReader.inLineOrder(reader.diagnostics))
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "name": settings.name = reader.text(value, field: "name")
            case "description":
                settings.description = reader.text(value, field: "description")?.trimmingCharacters(in: .newlines)
            case "weights": readWeights(value, into: &settings.weights, reader: &reader)
            case "roles": readRoles(value, into: &settings.weights, reader: &reader)
            default:
                let word = key.string ?? ""
                let suggestion = Suggestions.nearest(to: word, among: keys, reach: .likelyTypo)
                reader.warn(key, .unknownKey(word, suggestion: suggestion))
            }
        }
        return (settings, ProfileReader.inLineOrder(reader.diagnostics))
    }

    static func readWeights(_ node: Node, into weights: inout AffinityWeights, reader: inout FieldReader) {
        guard case .mapping(let entries) = node else {
            reader.warn(node, .weightsNotNumbers)
            return
        }
        for (key, value) in entries {
            let name = key.string ?? ""
            guard AffinityWeights.names.contains(name) else {
                let suggestion = Suggestions.nearest(to: name, among: AffinityWeights.names, reach: .likelyTypo)
                reader.warn(key, .unknownWeight(name, suggestion: suggestion, names: AffinityWeights.names))
                continue
            }
            if let number = reader.number(value, field: "weights.\(name)") { weights[name] = number }
        }
    }

    /// A key of `roles` that names no role, with the nearest role's spelling.
    static func unknownRole(_ word: String) -> Diagnostic.Problem {
        .unknownRoleKey(word, suggestion: Suggestions.nearest(to: word, among: Role.spellings, reach: .likelyTypo))
    }

    static func readRoles(_ node: Node, into weights: inout AffinityWeights, reader: inout FieldReader) {
        guard case .mapping(let rows) = node else {
            reader.warn(node, .rolesNotMatrix)
            return
        }
        for (rowKey, row) in rows {
            guard let a = rowKey.string.flatMap(Role.init(word:)) else {
                reader.warn(rowKey, unknownRole(rowKey.string ?? ""))
                continue
            }
            guard case .mapping(let cells) = row else {
                reader.warn(row, .roleRowNotNumbers(a))
                continue
            }
            for (cellKey, value) in cells {
                guard let b = cellKey.string.flatMap(Role.init(word:)) else {
                    reader.warn(cellKey, unknownRole(cellKey.string ?? ""))
                    continue
                }
                if let number = reader.number(value, field: "roles.\(a.rawValue).\(b.rawValue)") {
                    weights.roles[RolePair(a, b)] = number
                }
            }
        }
    }
}
