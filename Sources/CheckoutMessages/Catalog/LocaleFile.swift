import Yams

/// A position in a text file: 1-based line and column (columns in Unicode scalars, as libyaml counts).
public struct SourcePosition: Sendable, Hashable, Codable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark?) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

/// The declared type of a message argument in the source catalog.
public enum ArgumentType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text, or the selector of a `select`.
    case text
    /// A number: integer or decimal; the subject of `plural`.
    case number
    /// Money in minor units plus an ISO 4217 code, formatted by ICU for the locale.
    case money
}

/// What the source catalog says about one argument of a message.
public struct ArgumentDeclaration: Sendable, Hashable {
    /// The argument's type.
    public var type: ArgumentType
    /// An example value, shown to translators and used to test-format every message.
    public var example: MessageArgument
}

/// One message of a locale file, with where it stands in the file.
public struct LocaleFileEntry: Sendable, Hashable {
    /// The message key, e.g. `decline.generic`.
    public var key: String
    /// The ICU MessageFormat pattern.
    public var message: String
    /// Context for translators (source locale).
    public var description: String?
    /// Argument declarations (source locale).
    public var arguments: [String: ArgumentDeclaration]
    /// The source-message fingerprint a translation was made from, if recorded.
    public var sourceFingerprint: String?
    /// Where the fingerprint is written.
    public var sourceFingerprintPosition: SourcePosition?
    /// Where the key is written.
    public var keyPosition: SourcePosition
    /// Where the message value starts.
    public var messagePosition: SourcePosition
    /// How the message value is written in YAML, for mapping pattern offsets back into the file.
    public var messageStyle: ScalarStyle
}

/// How a YAML scalar is written; it decides how an offset in the value maps to a file position.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    init(_ style: Node.Scalar.Style) {
        switch style {
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        default: self = .plain
        }
    }
}

/// A locale file as read from YAML, before any ICU check.
public struct LocaleFile: Sendable {
    /// The file as given (path or name), for diagnostics.
    public let path: String
    /// The locale named by the file name.
    public let tag: LocaleTag
    /// The messages, in file order.
    public let entries: [LocaleFileEntry]
    /// The raw text.
    public let text: String

    /// Reads `text`. Structural problems come back as diagnostics; entries that can be read are kept.
    public static func parse(path: String, tag: LocaleTag, text: String) -> (LocaleFile, [LocaleFileDiagnostic]) {
        var diagnostics: [LocaleFileDiagnostic] = []
        func report(_ position: SourcePosition, _ key: String?, _ check: String, _ message: String) {
            diagnostics.append(LocaleFileDiagnostic(file: path, line: position.line, column: position.column, key: key,
                                                    check: check, severity: .error, message: message))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error {
                let duplicates = duplicateTopLevelKeys(in: text)
                for (key, position) in duplicates {
                    report(position, key, "duplicate-key", "\(key) is defined twice; YAML keeps only one of them")
                }
                if !duplicates.isEmpty { return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics) }
                let (position, problem) = error.positionAndProblem
                report(position, nil, "duplicate-key", problem)
                return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
            }
            let (position, problem) = error.positionAndProblem
            report(position, nil, "yaml-syntax", "YAML syntax: \(problem)")
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        } catch {
            report(SourcePosition(line: 1, column: 1), nil, "yaml-syntax", "YAML syntax: \(error)")
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        }
        guard let root, case .mapping(let mapping) = root else {
            if root != nil {
                report(SourcePosition(root?.mark), nil, "yaml-structure", "the file must be a mapping of message keys")
            }
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        }
        var entries: [LocaleFileEntry] = []
        for (keyNode, value) in mapping {
            let keyPosition = SourcePosition(keyNode.mark)
            guard let key = keyNode.string, !key.isEmpty else {
                report(keyPosition, nil, "yaml-structure", "message keys must be text")
                continue
            }
            switch value {
            case .scalar(let scalar):
                entries.append(LocaleFileEntry(
                    key: key, message: scalar.string, description: nil, arguments: [:], sourceFingerprint: nil,
                    sourceFingerprintPosition: nil, keyPosition: keyPosition, messagePosition: SourcePosition(scalar.mark), messageStyle: ScalarStyle(scalar.style)))
            case .mapping(let fields):
                guard case .scalar(let message)? = fields["message"] else {
                    report(SourcePosition(value.mark), key, "yaml-structure", "a message entry needs a `message:` text")
                    continue
                }
                var arguments: [String: ArgumentDeclaration] = [:]
                if case .mapping(let declared)? = fields["arguments"] {
                    for (nameNode, spec) in declared {
                        guard let name = nameNode.string, let declaration = ArgumentDeclaration(spec) else {
                            report(SourcePosition(nameNode.mark), key, "argument-declaration",
                                   "declare each argument as {type: text|number|money, example: ...}")
                            continue
                        }
                        arguments[name] = declaration
                    }
                }
                entries.append(LocaleFileEntry(
                    key: key, message: message.string, description: fields["description"]?.string,
                    arguments: arguments, sourceFingerprint: fields["source"]?.string,
                    sourceFingerprintPosition: fields["source"].map { SourcePosition($0.mark) }, keyPosition: keyPosition,
                    messagePosition: SourcePosition(message.mark), messageStyle: ScalarStyle(message.style)))
            default:
                report(SourcePosition(value.mark), key, "yaml-structure", "a message must be text or a mapping with `message:`")
            }
        }
        return (LocaleFile(path: path, tag: tag, entries: entries, text: text), diagnostics)
    }
}

/// Keys written at the start of a line (the message keys of a locale file) that appeared before, with
/// the position of the repetition. libyaml only says that a mapping has duplicates, not where.
private func duplicateTopLevelKeys(in text: String) -> [(String, SourcePosition)] {
    var seen: Set<String> = []
    var duplicates: [(String, SourcePosition)] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-" else { continue }
        guard let colon = line.firstIndex(of: ":") else { continue }
        var key = line[..<colon].trimmingWhitespace
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
            key = key.dropFirst().dropLast()
        }
        if !seen.insert(String(key)).inserted {
            duplicates.append((String(key), SourcePosition(line: index + 1, column: 1)))
        }
    }
    return duplicates
}

extension ArgumentDeclaration {
    init?(_ node: Node) {
        guard let typeName = node["type"]?.string, let type = ArgumentType(rawValue: typeName),
              let exampleNode = node["example"]
        else { return nil }
        switch type {
        case .text:
            guard let text = exampleNode.string else { return nil }
            example = .text(text)
        case .number:
            if let integer = exampleNode.int {
                example = .integer(Int64(integer))
            } else if let number = exampleNode.float {
                example = .number(number)
            } else {
                return nil
            }
        case .money:
            guard let text = exampleNode.string, let money = Money(parsing: text) else { return nil }
            example = .money(money)
        }
        self.type = type
    }
}

extension YamlError {
    /// Where libyaml stopped and what it said, in a translator-readable form.
    var positionAndProblem: (SourcePosition, String) {
        switch self {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return (SourcePosition(mark), text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (SourcePosition(context.mark), "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (SourcePosition(line: 1, column: 1), problem)
        default:
            return (SourcePosition(line: 1, column: 1), "\(self)")
        }
    }
}
