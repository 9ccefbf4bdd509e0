import Foundation
import Yams

/// The position and wording of a YAML syntax error.
enum YAMLProblem {
    /// The document's root node (nil for an empty file), or its syntax error.
    static func root(of text: String, path: String) -> Result<Node?, Diagnostic> {
        do {
            // The encoding given, so that Yams does not read the environment for each file. No
            // resolver rules: every field reads its scalars as written (`FieldReader`), and Yams'
            // rules are regular expressions run on each scalar as mapping keys are compared for
            // duplicates, a quarter of the time a load of 100,000 files took.
            let root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            if let root, !Expansion.fits(root) {
                return .failure(
                    Diagnostic(
                        path: path, line: 1, column: 1,
                        .yamlTooLarge(
                            characters: Limits.expandedProfileCharacters, values: Limits.expandedProfileNodes)))
            }
            return .success(root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, text: text))
        } catch {
            return .failure(Diagnostic(path: path, line: 1, column: 1, .yamlUnreadable("\(error)")))
        }
    }

    static func diagnostic(for error: YamlError, path: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml names its own API in one message: that part is not for people.
            let detail = problem.replacingOccurrences(of: " (set with yaml_set_max_nest_level())", with: "")
            let outer = context.flatMap { $0.mark.line != mark.line ? $0 : nil }
            return Diagnostic(
                path: path, line: mark.line, column: mark.column,
                .yamlSyntax(
                    detail, context: outer?.text, contextLine: outer?.mark.line ?? 0,
                    contextColumn: outer?.mark.column ?? 0))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let places = keyPlaces(key, in: text, from: context.mark.line)
            guard places.count >= 2 else {
                return Diagnostic(
                    path: path, line: context.mark.line, column: context.mark.column,
                    .yamlDuplicateKey(duplicates, firstLine: nil))
            }
            return Diagnostic(
                path: path, line: places[1].line, column: places[1].column,
                .yamlDuplicateKey(duplicates, firstLine: places[0].line))
        case .reader(let problem, _, _, _):
            return Diagnostic(path: path, line: 1, column: 1, .yamlUnreadable(problem))
        default:
            return Diagnostic(path: path, line: 1, column: 1, .yamlUnreadable("\(error)"))
        }
    }
}

extension YAMLProblem {
    /// Where `key:` begins a line (after its indentation), from line `first` on.
    static func keyPlaces(_ key: String, in text: String, from first: Int) -> [(line: Int, column: Int)] {
        var places: [(line: Int, column: Int)] = []
        var number = 0
        text.enumerateLines { line, stop in
            number += 1
            guard number >= first else { return }
            let indentation = line.prefix { $0 == " " || $0 == "-" }
            let rest = line.dropFirst(indentation.count)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    places.append((number, indentation.count + 1))
                }
            }
            if places.count >= 2 { stop = true }
        }
        return places
    }
}

/// What a YAML document holds once its aliases are expanded: an alias
/// repeats its anchor's whole content, so a small file can stand for a huge
/// one. Counting stops as soon as a limit is passed.
enum Expansion {
    static func fits(_ root: Node) -> Bool {
        var characters = 0
        var nodes = 0
        var pending = [root]
        while let node = pending.popLast() {
            nodes += 1
            guard nodes <= Limits.expandedProfileNodes else { return false }
            switch node {
            case .scalar(let scalar):
                characters += scalar.string.utf8.count
                guard characters <= Limits.expandedProfileCharacters else { return false }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .alias:
                break
            }
        }
        return true
    }
}
