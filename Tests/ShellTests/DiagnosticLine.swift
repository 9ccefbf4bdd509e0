import Community

@testable import Shell

extension Diagnostic {
    /// The line the shell prints for this problem in `language` (English by default), without colour.
    func line(in language: Language = .en) -> String {
        let severity =
            switch (self.severity, language) {
            case (_, .en): self.severity.rawValue + ":"
            case (.error, .fr): language.text("", "erreur :")
            case (.warning, .fr): language.text("", "avertissement :")
            case (.note, .fr): language.text("", "note :")
            }
        return "\(location): \(severity) " + DiagnosticWording.message(self, in: language)
    }
}
