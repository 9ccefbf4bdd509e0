/// SGR colours when colour is on, plain text when it is off: renderers and
/// error reports ask the style, never write escape codes themselves.
public struct TextStyle: Sendable, Equatable {
    public var usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public static let plain = TextStyle(usesColor: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
