import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XLIFF 2.0 (OASIS, `urn:oasis:names:tc:xliff:document:2.0`), the exchange format of translation-management
/// systems (Crowdin, Phrase, Lokalise, Trados, memoQ): one file per target locale, a `<unit>` per message key.
public enum XLIFF {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    /// One unit as exported: its key, the source text, the translation if any, and what translators need.
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var source: String
        public var target: String?
        /// `translated` when the translation is of the current source text, else `initial`.
        public var state: String
        public var description: String?
        public var arguments: [(name: String, type: String, example: String)]
        public var maxLength: Int?

        public static func == (lhs: Unit, rhs: Unit) -> Bool {
            lhs.id == rhs.id && lhs.source == rhs.source && lhs.target == rhs.target && lhs.state == rhs.state
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// The units of a locale: every source message, with the translation where the file has one. A missing
    /// translation, or one made from another source text (its `source:` fingerprint differs), is `initial`.
    public static func units(source: LocaleFile, translation: LocaleFile?) -> [Unit] {
        let translations = Dictionary((translation?.entries ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return source.entries.map { entry in
            let translated = translations[entry.key]
            let current = translated.map { $0.sourceFingerprint == SourceFingerprint.of(entry.message) } ?? false
            return Unit(
                id: entry.key, source: entry.message, target: translated?.message, state: current ? "translated" : "initial",
                description: entry.description,
                arguments: entry.arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value.type.rawValue, $0.value.example.exampleText) },
                maxLength: entry.maxLength)
        }
    }

    /// The XLIFF document of one target locale. `original` names the locale file it stands for.
    public static func document(units: [Unit], sourceLocale: LocaleTag, targetLocale: LocaleTag, original: String) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(namespace)" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" version="2.0" srcLang="\(escape(sourceLocale.identifier))" trgLang="\(escape(targetLocale.identifier))">
              <file id="f1" original="\(escape(original))">

            """
        if units.contains(where: { $0.maxLength != nil }) {
            out += "    <slr:profiles generalProfile=\"xliff:codepoints\"/>\n"
        }
        for unit in units {
            let size = unit.maxLength.map { " slr:sizeRestriction=\"\($0)\"" } ?? ""
            out += "    <unit id=\"\(escape(unit.id))\"\(size)>\n"
            var notes: [String] = []
            if let description = unit.description { notes.append("<note category=\"description\">\(escape(description))</note>") }
            for argument in unit.arguments {
                notes.append("<note category=\"argument\">{\(escape(argument.name))}: \(escape(argument.type)), e.g. \(escape(argument.example))</note>")
            }
            if let maxLength = unit.maxLength { notes.append("<note category=\"length\">at most \(maxLength) characters as shown</note>") }
            if !notes.isEmpty {
                out += "      <notes>\n" + notes.map { "        \($0)\n" }.joined() + "      </notes>\n"
            }
            out += "      <segment state=\"\(unit.state)\">\n"
            out += "        <source xml:space=\"preserve\">\(escape(unit.source))</source>\n"
            if let target = unit.target { out += "        <target xml:space=\"preserve\">\(escape(target))</target>\n" }
            out += "      </segment>\n    </unit>\n"
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    /// XML text: `&`, `<`, `>`, `"` escaped; line breaks and tabs kept (xml:space="preserve"); characters
    /// XML 1.0 cannot carry written as nothing would be wrong, so they are refused by the validator anyway.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    out += "&#\(scalar.value);"  // not allowed in XML 1.0: the parser will refuse it, visibly
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    // MARK: Reading

    /// A unit as read back: its id, source and target texts, and where the target's text starts.
    public struct ReadUnit: Sendable, Hashable {
        public var id: String
        public var source: String?
        public var target: String?
        public var state: String?
        public var unitPosition: SourcePosition
        public var targetPosition: SourcePosition?
    }

    /// A read XLIFF file.
    public struct ReadFile: Sendable {
        public var sourceLanguage: String?
        public var targetLanguage: String?
        public var units: [ReadUnit]
    }

    /// Reads an XLIFF 2.0 document. Problems (not XML, not XLIFF 2.0, a unit without id) come back as
    /// diagnostics at their line and column in the XLIFF file.
    public static func read(_ data: Data, path: String) -> (ReadFile?, [LocaleFileDiagnostic]) {
        let reader = Reader(path: path)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        let parsed = parser.parse()
        if !parsed || reader.xmlError != nil {
            let position = reader.xmlError?.position ?? SourcePosition(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
            let error = reader.xmlError?.message ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            reader.problems.append(LocaleFileDiagnostic(
                file: path, line: position.line, column: position.column, check: .xliffSyntax,
                message: "the file is not well-formed XML: \(error)"))
            return (nil, reader.problems)
        }
        guard reader.sawRoot else {
            return (nil, reader.problems + [LocaleFileDiagnostic(file: path, line: 1, column: 1, check: .xliffSyntax,
                                                                  message: "the root element is not <xliff> of \(namespace)")])
        }
        return (ReadFile(sourceLanguage: reader.sourceLanguage, targetLanguage: reader.targetLanguage, units: reader.units), reader.problems)
    }

    private final class Reader: NSObject, XMLParserDelegate {
        let path: String
        var problems: [LocaleFileDiagnostic] = []
        var sawRoot = false
        var sourceLanguage: String?
        var targetLanguage: String?
        var units: [ReadUnit] = []
        private var unit: ReadUnit?
        private var text: String?
        private var textStart: SourcePosition?
        private var depthInText = 0
        private weak var parser: XMLParser?

        init(path: String) { self.path = path }

        private func position(_ parser: XMLParser) -> SourcePosition {
            SourcePosition(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if text != nil {
                // Inline elements (<ph/>, <pc>) inside source or target: ICU messages carry none.
                depthInText += 1
                problems.append(LocaleFileDiagnostic(file: path, line: position(parser).line, column: position(parser).column,
                                                     key: unit?.id, check: .xliffStructure,
                                                     message: "<\(name)> inside a text: CheckoutMessages keeps ICU messages as plain text",
                                                     hint: "put the ICU message back as plain text, braces and all"))
                return
            }
            guard namespaceURI == XLIFF.namespace else { return }
            switch name {
            case "xliff":
                sawRoot = true
                if attributes["version"] != "2.0" {
                    problems.append(LocaleFileDiagnostic(file: path, line: position(parser).line, column: position(parser).column,
                                                         check: .xliffStructure, message: "version \(attributes["version"] ?? "(none)") is not XLIFF 2.0"))
                }
                sourceLanguage = attributes["srcLang"]
                targetLanguage = attributes["trgLang"]
            case "unit":
                guard let id = attributes["id"], !id.isEmpty else {
                    problems.append(LocaleFileDiagnostic(file: path, line: position(parser).line, column: position(parser).column,
                                                         check: .xliffStructure, message: "a <unit> without an id"))
                    return
                }
                unit = ReadUnit(id: id, source: nil, target: nil, state: nil, unitPosition: position(parser), targetPosition: nil)
            case "segment":
                unit?.state = attributes["state"]
            case "source", "target":
                guard unit != nil else { return }
                text = ""
                // The parser stands on the start tag's `>`: the text begins one column on.
                textStart = SourcePosition(line: position(parser).line, column: position(parser).column + 1)
            default:
                break
            }
        }

        /// The first well-formedness error, where the parser saw it (it may go on in recovery mode).
        var xmlError: (position: SourcePosition, message: String)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if xmlError == nil { xmlError = (position(parser), "\(parseError.localizedDescription)") }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if text != nil, depthInText == 0 { text! += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depthInText > 0 {
                depthInText -= 1
                return
            }
            guard namespaceURI == XLIFF.namespace else { return }
            switch name {
            case "source":
                if let text, var current = unit {
                    current.source = (current.source ?? "") + text
                    unit = current
                }
                text = nil
            case "target":
                if let text, var current = unit {
                    current.target = (current.target ?? "") + text
                    if current.targetPosition == nil { current.targetPosition = textStart }
                    unit = current
                }
                text = nil
            case "unit":
                if let unit { units.append(unit) }
                unit = nil
            default:
                break
            }
        }
    }
}

extension MessageArgument {
    /// The example as the source file writes it (`1999 EUR` for money).
    var exampleText: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .text(let value): value
        case .money(let money): "\(money.minorUnits) \(money.currency)"
        }
    }
}
