import Foundation
import Testing

@testable import Community

struct CSVReaderTests {
    @Test func aFrenchExportWithBOMCRLFAndAQuotedMultilineBio() throws {
        let parsed = try CSVReader.parse(Fixtures.data("csv/inscriptions-fr.csv"))
        #expect(parsed.separator == ";")
        #expect(!parsed.wasWindows1252)
        #expect(parsed.records.first?.cells.first == "Horodateur", "the BOM is not part of the first title")
        #expect(parsed.records.map(\.line) == [1, 2, 4, 5, 6, 7])
        #expect(parsed.records[1].cells[11] == "Première ligne;\nseconde ligne avec \"guillemets\".")
        #expect(parsed.records[2].cells[2] == "Lefèvre-Crépin")
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", Character(","), [["a", "b", "c"], ["1", "2", "3"]]),
        ("a;b\n1;2\n", Character(";"), [["a", "b"], ["1", "2"]]),
        ("a\tb\n1\t2", Character("\t"), [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2\r", Character(","), [["a", "b"], ["1", "2"]]),
        ("\"x,y\";z\n", Character(";"), [["x,y", "z"]]),
        ("a;b\n\n\n1;2\n", Character(";"), [["a", "b"], ["1", "2"]]),
        ("a,b\n \"q\" , r \n", Character(","), [["a", "b"], ["q", "r"]]),
        ("a,b\n\"\",\"\"\"\"\n", Character(","), [["a", "b"], ["", "\""]]),
        ("a,b,c\n1,,3\n", Character(","), [["a", "b", "c"], ["1", "", "3"]]),
    ])
    func cases(text: String, separator: Character, cells: [[String]]) throws {
        let parsed = try CSVReader.parse(text)
        #expect(parsed.separator == separator)
        #expect(parsed.records.map(\.cells) == cells)
    }

    @Test func windows1252IsReadWithItsAccents() throws {
        let parsed = try CSVReader.parse(Fixtures.data("csv/excel-1252.csv"))
        #expect(parsed.wasWindows1252)
        #expect(parsed.records[1].cells == ["François Léger", "étudiant", "Maya, ZBrush"])
    }

    @Test func anUnclosedQuoteNamesItsLine() throws {
        // The rows before it are kept; the row it opens, and the rest, are not.
        let parsed = try CSVReader.parse(Fixtures.data("csv/unclosed.csv"))
        #expect(parsed.unclosedQuote == CSVReader.Position(line: 2, column: 11))
        #expect(parsed.records.map(\.line) == [1])
        let read = SpreadsheetImport.read(
            Data("Nom;Rôle\nLéa Martin;startup\nNoé Petit;\"étudiant\n".utf8), path: "x.csv")
        #expect(read.members.map(\.name) == ["Léa Martin"])
        // At its opening quote.
        #expect(read.diagnostics == [Diagnostic(path: "x.csv", line: 3, column: 11, .csvUnclosedQuote)])
    }
}
