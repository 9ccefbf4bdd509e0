/// The formats every result can be shown in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

/// The one place where a format picks its renderer.
public enum Renderer {
    /// The text to print for `value`, ending with a newline, or "" when there is nothing to show.
    /// - Parameter layout: the window's width and `expanded`, for the table format only.
    public static func render(
        _ value: any Presentable, as format: OutputFormat, style: TextStyle, layout: Layout = .unbounded,
        language: Language = .en
    ) -> String {
        switch format {
        case .table: return TableRenderer(style: style, layout: layout).render(value.document(in: language))
        case .csv:
            return CSVRenderer().render(
                value.document(in: language), headers: language == .en ? nil : value.document(in: .en))
        case .markdown: return MarkdownRenderer().render(value.document(in: language))
        case .json: return value.json(in: language).encoded + "\n"
        }
    }
}
