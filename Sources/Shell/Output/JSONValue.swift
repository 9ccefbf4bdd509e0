/// A JSON value whose objects keep their keys in the order written, so that the
/// documented contract reads the same in the docs and in the output.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(KeyValuePairs)

    /// Ordered key–value pairs.
    public struct KeyValuePairs: Sendable, Equatable, ExpressibleByDictionaryLiteral {
        public var pairs: [(key: String, value: JSONValue)]

        public init(_ pairs: [(key: String, value: JSONValue)]) { self.pairs = pairs }

        public init(dictionaryLiteral elements: (String, JSONValue)...) {
            pairs = elements.map { (key: $0.0, value: $0.1) }
        }

        public subscript(key: String) -> JSONValue? {
            pairs.first { $0.key == key }?.value
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.pairs.count == rhs.pairs.count
                && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    public static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }

    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs[key] }
        return nil
    }

    /// One line of JSON, `{"key": value, …}` with a space after `:` and `,`.
    public var encoded: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.format(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += ", " }
                value.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, pair) in object.pairs.enumerated() {
                if index > 0 { output += ", " }
                Self.writeString(pair.key, to: &output)
                output += ": "
                pair.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if TerminalSafeText.isHidden(scalar) || scalar.value == 0x200D {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
