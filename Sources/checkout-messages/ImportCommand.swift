import ArgumentParser
import CheckoutMessages
import Foundation

/// `checkout-messages import`: translations from XLIFF 2.0 or ICU JSON into the locale files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import XLIFF 2.0 (.xlf) or ICU JSON (<tag>.json) translations into the locale files.",
        discussion: """
            Each imported message goes through the validator first; a finding at error level writes nothing and is \
            reported at its line and column in the imported file, with the unit id. A translation is stamped with \
            the fingerprint of the English it was translated from (the XLIFF <source>; for JSON, the current English). \
            Only entries whose text or fingerprint changes are rewritten; an import with no edits changes nothing.
            Exit status: 0 imported, 1 errors (nothing written for that file), 2 I/O failure.
            """
    )

    @Option(name: .customLong("locales"), help: "Folder of locale files to update (holding en.yaml).")
    var directory = "locales"

    @Option(help: "Output format of the findings: text, json or sarif.")
    var format: DiagnosticReport.Format = .text

    @Argument(help: "XLIFF (.xlf, .xliff) or ICU JSON (<tag>.json) files.")
    var files: [String]

    func run() throws {
        let sourcePath = (directory as NSString).appendingPathComponent("en.yaml")
        guard let sourceText = try? String(contentsOfFile: sourcePath, encoding: .utf8) else { try fail("cannot read \(sourcePath)") }
        let source = LocaleSource(path: sourcePath, text: sourceText)
        var all: [LocaleFileDiagnostic] = []
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { try fail("cannot read \(path)") }
            let (tag, messages, problems) = try read(path, data: data)
            all += problems
            guard let tag, !problems.contains(where: { $0.severity == .error }) else {
                failed = true
                continue
            }
            let target = (directory as NSString).appendingPathComponent("\(tag.identifier).yaml")
            let existing = (try? String(contentsOfFile: target, encoding: .utf8)).map { LocaleSource(path: target, text: $0) }
            let outcome = TranslationImport.apply(messages, tag: tag, existing: existing, path: target, source: source, importPath: path)
            all += outcome.diagnostics
            if outcome.hasErrors {
                failed = true
                FileHandle.standardError.write(Data("checkout-messages: \(path): errors; \(target) not written\n".utf8))
                continue
            }
            if let text = outcome.text {
                do {
                    try text.write(toFile: target, atomically: true, encoding: .utf8)
                } catch {
                    try fail("cannot write \(target): \(error.localizedDescription)")
                }
                FileHandle.standardError.write(Data("checkout-messages: \(target): \(outcome.changedKeys.count) message(s) imported from \(path)\n".utf8))
            } else {
                FileHandle.standardError.write(Data("checkout-messages: \(target): unchanged\n".utf8))
            }
        }
        if !all.isEmpty || format != .text { print(DiagnosticReport.render(all, as: format), terminator: "") }
        if failed { throw ExitCode(1) }
    }

    /// The target locale and messages of one interchange file.
    private func read(_ path: String, data: Data) throws -> (LocaleTag?, [TranslationImport.Message], [LocaleFileDiagnostic]) {
        if path.hasSuffix(".json") {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let tag = try? LocaleTag(name) else {
                return (nil, [], [LocaleFileDiagnostic(file: path, line: 1, column: 1, check: .localeTag, severity: .error,
                                                       message: "name ICU JSON files after their locale, e.g. de.json")])
            }
            guard let text = String(data: data, encoding: .utf8) else { try fail("\(path) is not UTF-8 text") }
            let (messages, problems) = ICUJSON.read(text, path: path)
            return (tag, messages, problems)
        }
        let (file, problems) = XLIFF.read(data, path: path)
        guard let file else { return (nil, [], problems) }
        guard let language = file.targetLanguage, let tag = try? LocaleTag(language) else {
            return (nil, [], problems + [LocaleFileDiagnostic(file: path, line: 1, column: 1, check: .xliffStructure, severity: .error,
                                                              message: "the <xliff> element has no usable trgLang")])
        }
        return (tag, TranslationImport.messages(of: file), problems)
    }
}
