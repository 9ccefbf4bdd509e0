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
        render(value, as: format, style: style, layout: layout, language: language, isCancelled: { false }) ?? ""
    }

    /// `render`, given up (nil) when `isCancelled` says so: asked every 256
    /// rows of a table, and once at the end in the other formats.
    public static func render(
        _ value: any Presentable, as format: OutputFormat, style: TextStyle, layout: Layout = .unbounded,
        language: Language = .en, isCancelled: @escaping () -> Bool
    ) -> String? {
        let text: String
        switch format {
        case .table:
            let stop = RenderingStop(isCancelled)
            text = TableRenderer(style: style, layout: layout, stop: stop).render(value.document(in: language))
            if stop.stopped { return nil }
        case .csv:
            text = CSVRenderer().render(
                value.document(in: language), headers: language == .en ? nil : value.document(in: .en))
        case .markdown: text = MarkdownRenderer().render(value.document(in: language))
        case .json: text = value.json(in: language).encoded + "\n"
        }
        return isCancelled() ? nil : text
    }
}
