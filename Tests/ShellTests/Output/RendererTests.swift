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

    /// Numbers among fields are right-aligned together (their decimal marks
    /// line up), on a terminal or not; other formats keep the bare value.
    @Test func numbersAmongFieldsLineUp() {
        struct Terms: Presentable {
            func document(in language: Language) -> Document {
                Document([
                    .fields([
                        Field("complementarity", "9.31", isNumber: true), Field("role", "1.00", isNumber: true),
                        Field("history", "met twice before"), Field("score", "1,210.81", isNumber: true),
                    ])
                ])
            }
            func json(in language: Language) -> JSONValue { .null }
        }
        let expected = """
            complementarity      9.31
            role                 1.00
            history          met twice before
            score            1,210.81

            """
        #expect(Renderer.render(Terms(), as: .table, style: .plain) == expected)
        #expect(Renderer.render(Terms(), as: .table, style: .plain, layout: Layout(width: 40)) == expected)
        #expect(Renderer.render(Terms(), as: .csv, style: .plain).contains("\r\nrole,1.00\r\n"))
    }

    /// A note that wraps keeps its lines together as messages do: the
    /// lines after its first are indented by two; other paragraphs are not.
    @Test func aWrappedNoteIsIndentedAfterItsFirstLine() {
        struct Notes: Presentable {
            func document(in language: Language) -> Document {
                Document([
                    .paragraph("wrote x.graph (graph, 33 bytes)"),
                    .paragraph("note: the draft's assignment, each pair once per seat of its mentor"),
                    .paragraph("plain words that wrap at the width of the window"),
                ])
            }
            func json(in language: Language) -> JSONValue { .null }
        }
        let expected = """
            wrote x.graph (graph, 33 bytes)
            note: the draft's assignment, each
              pair once per seat of its mentor
            plain words that wrap at the width of
            the window

            """
        #expect(Renderer.render(Notes(), as: .table, style: .plain, layout: Layout(width: 38)) == expected)
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

/// A long table, to stop while it is rendered.
struct LongTable: Presentable {
    let rows: Int
    func document(in language: Language) -> Document {
        Document([
            .table(
                Table(
                    columns: [Table.Column("n", alignment: .right), Table.Column("text")],
                    rows: (0..<rows).map { ["\($0)", "row \($0) with words enough to wrap in a narrow window"] })),
            .note("\(rows) rows"),
        ])
    }
    func json(in language: Language) -> JSONValue { .int(rows) }
}

struct RenderingStopTests {
    /// Asked how many times, it says to stop from the `after`-th question on.
    final class Asked: @unchecked Sendable {
        var count = 0
        let after: Int
        init(after: Int) { self.after = after }
        func ask() -> Bool {
            count += 1
            return count > after
        }
    }

    @Test(arguments: [
        (Layout.unbounded, 0), (Layout.unbounded, 3), (Layout(width: 40), 5), (Layout(width: 40, expanded: .on), 2),
        (Layout(width: 30, expanded: .off), 7),
    ])
    func aTableStopsWhenAskedAndGivesNothing(layout: Layout, after: Int) {
        let asked = Asked(after: after)
        let text = Renderer.render(
            LongTable(rows: 5000), as: .table, style: .plain, layout: layout, isCancelled: asked.ask)
        #expect(text == nil)
        #expect(asked.count == after + 1, "it stops at the first question answered yes")
    }

    @Test(arguments: [Layout.unbounded, Layout(width: 40), Layout(width: 40, expanded: .on)])
    func notStoppedItIsTheSameText(layout: Layout) {
        let asked = Asked(after: .max)
        let text = Renderer.render(
            LongTable(rows: 1000), as: .table, style: .plain, layout: layout, isCancelled: asked.ask)
        #expect(text == Renderer.render(LongTable(rows: 1000), as: .table, style: .plain, layout: layout))
        #expect(text?.hasSuffix("1000 rows\n") == true)
        #expect(asked.count >= 1000 / 256, "asked as the rows went by, not only once")
    }

    @Test(arguments: [OutputFormat.csv, .json, .markdown])
    func otherFormatsAreGivenUpWhenAskedAtTheEnd(format: OutputFormat) {
        #expect(Renderer.render(LongTable(rows: 10), as: format, style: .plain, isCancelled: { true }) == nil)
        #expect(Renderer.render(LongTable(rows: 10), as: format, style: .plain, isCancelled: { false }) != nil)
    }
}
