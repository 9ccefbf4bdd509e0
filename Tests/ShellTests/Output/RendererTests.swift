import Testing

@testable import Shell

/// A result with a bit of everything, to render in every format.
struct Sample: Presentable {
    func document(in language: Language) -> Document {
        Document([
            .heading("Members"),
            .table(
                Table(
                    columns: [Table.Column("id"), Table.Column("name"), Table.Column("wing", alignment: .right)],
                    rows: [
                        ["amelie-dupre", "Amélie Dupré", "3"], ["li-wei", "李伟", "12"], ["evil", "\u{1B}[31mRed", ""],
                    ])),
            .note("3 members"),
        ])
    }
    func json(in language: Language) -> JSONValue { .object(["count": .int(3)]) }
}

struct Card: Presentable {
    func document(in language: Language) -> Document {
        Document([
            .fields([Field("Name", "Amélie Dupré"), Field("Bio", "Line one\nline two")]),
            .list(["Blender", "rigging"]),
        ])
    }
    func json(in language: Language) -> JSONValue { .null }
}

struct RendererTests {
    @Test func tableAlignsByDisplayWidth() {
        let text = Renderer.render(Sample(), as: .table, style: .plain)
        #expect(
            text == """
                Members
                id            name          wing
                ------------  ------------  ----
                amelie-dupre  Amélie Dupré     3
                li-wei        李伟            12
                evil          \\e[31mRed
                3 members

                """)
    }

    @Test func tableLaysOutFieldsAndLists() {
        let text = Renderer.render(Card(), as: .table, style: .plain)
        #expect(
            text == """
                Name  Amélie Dupré
                Bio   Line one
                      line two

                  • Blender
                  • rigging

                """)
    }

    @Test func colourOnlyWhenAskedFor() {
        let coloured = Renderer.render(Sample(), as: .table, style: TextStyle(usesColor: true))
        #expect(coloured.contains("\u{1B}[1mMembers\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2m3 members\u{1B}[0m"))
        #expect(!Renderer.render(Sample(), as: .table, style: .plain).contains("\u{1B}"))
    }

    @Test func csvHasTheTablesOnly() {
        #expect(
            Renderer.render(Sample(), as: .csv, style: .plain)
                == "id,name,wing\r\namelie-dupre,Amélie Dupré,3\r\nli-wei,李伟,12\r\nevil,\\e[31mRed,\r\n")
        #expect(
            Renderer.render(Card(), as: .csv, style: .plain)
                == "field,value\r\nName,Amélie Dupré\r\nBio,\"Line one\nline two\"\r\n\nBlender\r\nrigging\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+33 6 12", "'+33 6 12"), ("-cmd", "'-cmd"), ("@here", "'@here"),
        ("-3", "-3"), ("+1.5", "+1.5"), (" padded", "\" padded\""),
    ])
    func csvCellsAreQuotedAndFormulaSafe(text: String, cell: String) {
        #expect(CSVFormat.cell(text) == cell)
    }

    @Test func markdownTables() {
        #expect(
            Renderer.render(Sample(), as: .markdown, style: .plain) == """
                ## Members

                | id | name | wing |
                | --- | --- | ---: |
                | amelie-dupre | Amélie Dupré | 3 |
                | li-wei | 李伟 | 12 |
                | evil | \\\\e\\[31mRed |  |

                _3 members_

                """)
    }

    @Test func markdownEscapesMarkupAndPipes() {
        let doc = Document([.table(Table(columns: [Table.Column("a|b")], rows: [["*bold* <b>x</b>"], ["two\nlines"]]))])
        struct Wrapper: Presentable {
            let document: Document
            func document(in language: Language) -> Document { document }
            func json(in language: Language) -> JSONValue { .null }
        }
        #expect(
            Renderer.render(Wrapper(document: doc), as: .markdown, style: .plain) == """
                | a\\|b |
                | --- |
                | \\*bold\\* \\<b\\>x\\</b\\> |
                | two<br>lines |

                """)
    }

    @Test func jsonIsOneLine() {
        #expect(Renderer.render(Sample(), as: .json, style: .plain) == "{\"count\": 3}\n")
        #expect(Renderer.render(Message("Élodie"), as: .json, style: .plain) == "{\"message\": \"Élodie\"}\n")
    }
}
