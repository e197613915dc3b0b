import ArgumentParser
import CheckoutMessages
import Foundation

/// `checkout-messages export`: the catalog as XLIFF 2.0 or ICU JSON, one file per locale, for a
/// translation-management system.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export locale files as XLIFF 2.0 or ICU JSON for translation-management systems.",
        discussion: """
            XLIFF: one <tag>.xlf per target locale, a <unit> per key with the English as <source>, the translation \
            as <target>, the description and argument examples as <notes>, state "translated" when the translation \
            is of the current English, else "initial". ICU JSON: one <tag>.json per locale, key → ICU message.
            """
    )

    @Option(help: "Interchange format: xliff or json.")
    var format: InterchangeFormat = .xliff

    @Option(name: .customLong("locale"), help: "A locale to export (repeatable; default: every locale file).")
    var locales: [String] = []

    @Option(name: .customLong("locales"), help: "Folder of locale files (default: the shipped catalog).")
    var directory: String?

    @Option(help: "Folder to write the files into (default: the current folder).")
    var out: String = "."

    func run() throws {
        let sources: [LocaleSource]
        do {
            sources = try directory.map { try Self.read(folder: $0) } ?? MessageCatalog.embeddedSources
        } catch {
            try fail("\(error)")
        }
        let sourceTag = try LocaleTag("en")
        guard let sourceText = sources.first(where: { LocaleValidator.tag(forPath: $0.path) == sourceTag }) else {
            try fail("no en.yaml among the locale files")
        }
        let (source, _) = LocaleFile.parse(path: sourceText.path, tag: sourceTag, text: sourceText.text)
        var byTag: [LocaleTag: LocaleSource] = [:]
        for file in sources { if let tag = LocaleValidator.tag(forPath: file.path) { byTag[tag] = file } }
        var targets: [LocaleTag] = []
        if locales.isEmpty {
            targets = byTag.keys.filter { format == .json || $0 != sourceTag }.sorted { $0.identifier < $1.identifier }
        } else {
            for locale in locales {
                guard let tag = try? LocaleTag(locale) else { throw ValidationError("--locale \(locale) is not a BCP 47 tag") }
                targets.append(tag)
            }
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for tag in targets {
            let translation = byTag[tag].map { LocaleFile.parse(path: $0.path, tag: tag, text: $0.text).0 }
            let text: String
            switch format {
            case .xliff:
                text = XLIFF.document(units: XLIFF.units(source: source, translation: translation), sourceLocale: sourceTag,
                                      targetLocale: tag, original: "locales/\(tag.identifier).yaml")
            case .json:
                text = ICUJSON.document(entries: (translation ?? source).entries.map { ($0.key, $0.message) })
            }
            let path = (out as NSString).appendingPathComponent("\(tag.identifier).\(format.fileExtension)")
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                try fail("cannot write \(path): \(error.localizedDescription)")
            }
            print(path)
        }
    }

    static func read(folder: String) throws -> [LocaleSource] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            return LocaleSource(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        }
    }
}

/// An I/O failure: the message on standard error, exit status 2.
func fail(_ message: String) throws -> Never {
    FileHandle.standardError.write(Data("checkout-messages: \(message)\n".utf8))
    throw ExitCode(2)
}
