import Foundation

/// UTF-8 decoding that says where it fails.
public enum UTF8Text {
    public struct Problem: Error, Sendable {
        public let line: Int
        public let column: Int
        public let byte: UInt8
    }

    public static func decode(_ data: Data) -> Result<String, Problem> {
        if let text = String(data: data, encoding: .utf8) {
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length =
                byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && index + length <= bytes.count
                && bytes[(index + 1)..<(index + length)].allSatisfy { $0 >> 6 == 0b10 }
            guard valid else { return .failure(Problem(line: line, column: column, byte: byte)) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return .failure(Problem(line: line, column: column, byte: 0))
    }
}
