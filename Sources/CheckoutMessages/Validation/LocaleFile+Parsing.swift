import Yams

// Reading is part of validation rather than of the locale-file types: it reports structural problems
// as diagnostics, and the types in LocaleFiles/ stay free of the validator's vocabulary.
extension LocaleFile {
    /// Reads `text`. Structural problems come back as diagnostics; entries that can be read are kept.
    public static func parse(path: String, tag: LocaleTag, text: String) -> (LocaleFile, [LocaleFileDiagnostic]) {
        var diagnostics: [LocaleFileDiagnostic] = []
        func report(_ position: SourcePosition, _ key: String?, _ check: ValidationCheck, _ message: String) {
            diagnostics.append(LocaleFileDiagnostic(file: path, line: position.line, column: position.column, key: key,
                                                    check: check, message: message))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error {
                let duplicates = duplicateTopLevelKeys(in: text)
                for (key, position) in duplicates {
                    report(position, key, .duplicateKey, "\(key) is defined twice; YAML keeps only one of them")
                }
                if !duplicates.isEmpty { return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics) }
                let (position, problem) = error.positionAndProblem(in: text)
                report(position, nil, .duplicateKey, problem)
                return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
            }
            let (position, problem) = error.positionAndProblem(in: text)
            report(position, nil, .yamlSyntax, "YAML syntax: \(problem)")
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        } catch {
            report(SourcePosition(line: 1, column: 1), nil, .yamlSyntax, "YAML syntax: \(error)")
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        }
        guard let root, case .mapping(let mapping) = root else {
            if root != nil {
                report(SourcePosition(root?.mark), nil, .yamlStructure, "the file must be a mapping of message keys")
            }
            return (LocaleFile(path: path, tag: tag, entries: [], text: text), diagnostics)
        }
        var entries: [LocaleFileEntry] = []
        for (keyNode, value) in mapping {
            let keyPosition = SourcePosition(keyNode.mark)
            guard let key = keyNode.string, !key.isEmpty else {
                report(keyPosition, nil, .yamlStructure, "message keys must be text")
                continue
            }
            switch value {
            case .scalar(let scalar):
                entries.append(LocaleFileEntry(
                    key: key, message: scalar.string, description: nil, arguments: [:], sourceFingerprint: nil,
                    sourceFingerprintPosition: nil, keyPosition: keyPosition, messagePosition: SourcePosition(scalar.mark), messageStyle: ScalarStyle(scalar.style)))
            case .mapping(let fields):
                guard case .scalar(let message)? = fields["message"] else {
                    report(SourcePosition(value.mark), key, .yamlStructure, "a message entry needs a `message:` text")
                    continue
                }
                var arguments: [String: ArgumentDeclaration] = [:]
                if case .mapping(let declared)? = fields["arguments"] {
                    for (nameNode, spec) in declared {
                        guard let name = nameNode.string, let declaration = ArgumentDeclaration(spec) else {
                            report(SourcePosition(nameNode.mark), key, .argumentDeclaration,
                                   "declare each argument as {type: text|number|money, example: ...}")
                            continue
                        }
                        arguments[name] = declaration
                    }
                }
                var entry = LocaleFileEntry(
                    key: key, message: message.string, description: fields["description"]?.string,
                    arguments: arguments, sourceFingerprint: fields["source"]?.string,
                    sourceFingerprintPosition: fields["source"].map { SourcePosition($0.mark) }, keyPosition: keyPosition,
                    messagePosition: SourcePosition(message.mark), messageStyle: ScalarStyle(message.style))
                if let budget = fields["maxLength"] {
                    if let limit = budget.int, limit > 0 {
                        entry.maxLength = limit
                    } else {
                        report(SourcePosition(budget.mark), key, .yamlStructure, "`maxLength` must be a whole number of characters, more than 0")
                    }
                }
                entries.append(entry)
            default:
                report(SourcePosition(value.mark), key, .yamlStructure, "a message must be text or a mapping with `message:`")
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
