/// A problem found in a file, with where it is: `path:line:column: error: message`.
///
/// One rule for what was done about it: an `error` means something was not
/// loaded (a profile, a row, a whole file), a `warning` that it was loaded
/// with a part left out (the message says which), a `note` that nothing was
/// lost. The message ends by saying so.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, _ message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `path:line:column` (the parts that are known).
    public var location: String {
        var text = path
        if line > 0 { text += ":\(line)" }
        if line > 0 && column > 0 { text += ":\(column)" }
        return text
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
