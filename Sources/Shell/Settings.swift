import Community
/// The session's settings, changed with `set` or from the command line.
public struct Settings: Sendable, Equatable {
    public var format: OutputFormat = .table
    public var color: ColorMode = .auto
    /// Seeds every randomised step, so that a run can be repeated.
    public var seed: UInt64 = 1
    /// Scripts carry on after a failed command (and fail at the end).
    public var keepGoing = false
    /// Report how long each command took.
    public var showsTiming = false
    /// Tables as records: when they cannot fit the window, always, or never.
    public var expanded: ExpandedMode = .auto
    /// At the prompt, output taller than the window goes through a pager.
    public var pager: PagerMode = .auto
    /// The language of everything people read (`--lang`, `PATIO_LANG`, the locale's variables).
    public var language: Language = .en

    public init() {}
}

/// `set pager`: page output taller than the window (`auto`), all output at the prompt (`on`), or none.
public enum PagerMode: String, CaseIterable, Sendable {
    case auto, on, off
}

public enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never
}

/// One setting as data: `set`, `set NAME`, `set NAME VALUE` and completion all read this table.
public struct SettingSpec: Sendable {
    public var name: String
    public var summary: String
    /// The values completion offers (empty for free values such as numbers).
    public var values: [String]
    public var get: @Sendable (Session) -> String
    public var set: @Sendable (inout Session, String) throws -> Void

    public init(
        _ name: String, summary: String, values: [String] = [],
        get: @escaping @Sendable (Session) -> String,
        set: @escaping @Sendable (inout Session, String) throws -> Void
    ) {
        self.name = name
        self.summary = summary
        self.values = values
        self.get = get
        self.set = set
    }
}

extension SettingSpec {
    /// A setting whose value is one word of a fixed list.
    static func choice<Value: ChoiceWord>(
        _ name: String, summary: String, _ keyPath: WritableKeyPath<Settings, Value> & Sendable
    ) -> SettingSpec {
        SettingSpec(
            name, summary: summary, values: Value.names,
            get: { $0.settings[keyPath: keyPath].rawValue },
            set: { session, text in session.settings[keyPath: keyPath] = try Value.parse(text, as: name) })
    }

    /// An on/off setting.
    static func toggle(_ name: String, summary: String, _ keyPath: WritableKeyPath<Settings, Bool> & Sendable)
        -> SettingSpec
    {
        SettingSpec(
            name, summary: summary, values: ["on", "off"],
            get: { $0.settings[keyPath: keyPath] ? "on" : "off" },
            set: { session, text in
                guard let value = Self.parseSwitch(text) else {
                    throw ShellError.invalidValue(text, for: name, expected: .oneOf(["on", "off"]), suggestion: nil)
                }
                session.settings[keyPath: keyPath] = value
            })
    }

    static func parseSwitch(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes", "1", "oui": return true
        case "off", "false", "no", "0", "non": return false
        default: return nil
        }
    }

    /// The settings of the shell itself; later modules add theirs to `SettingTable.standard`.
    static let shellSettings: [SettingSpec] = [
        .choice("format", summary: "How results are shown: table, csv, json or markdown", \.format),
        .choice("language", summary: "The language of what Patio writes: en or fr", \.language),
        .choice("color", summary: "Colour: auto (on a terminal without NO_COLOR), always or never", \.color),
        SettingSpec(
            "seed", summary: "Seed for every randomised step, so that runs repeat",
            get: { String($0.settings.seed) },
            set: { session, text in
                guard let seed = UInt64(text) else {
                    throw ShellError.invalidValue(
                        text, for: "seed", expected: .wholeNumber(from: "0", to: String(UInt64.max)), suggestion: nil)
                }
                session.settings.seed = seed
            }),
        .toggle("keep-going", summary: "Scripts carry on after a failed command", \.keepGoing),
        .toggle("timing", summary: "Report how long each command takes (on standard error)", \.showsTiming),
        .choice(
            "expanded",
            summary: "Tables as records (one field a line): auto (when they cannot fit the window), on or off",
            \.expanded),
        .choice(
            "pager",
            summary:
                "At the prompt, output taller than the window goes through $PAGER or less: auto, on (all output) or off",
            \.pager),
    ]
}

/// Words of a fixed list (formats, colour modes, roles…) read as typed by a
/// person: any case, with the nearest word when it is none of them.
public protocol ChoiceWord: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension ChoiceWord {
    public static var names: [String] { allCases.map(\.rawValue) }

    public static func parse(_ text: String, as name: String) throws(ShellError) -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw ShellError.invalidValue(
                text, for: name, expected: .oneOf(names),
                suggestion: Suggestions.nearest(to: text, among: names, reach: .likelyTypo))
        }
        return value
    }
}

extension OutputFormat: ChoiceWord {}
extension ColorMode: ChoiceWord {}
extension ExpandedMode: ChoiceWord {}
extension PagerMode: ChoiceWord {}
extension TagKind: ChoiceWord {}
