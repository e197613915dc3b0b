import ArgumentParser
import CheckoutMessages
import Foundation

/// `checkout-messages validate`: precise diagnostics for translators.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check locale files: ICU syntax, plural forms per language, placeholders, staleness and more.",
        discussion: """
            PATH is a locale file or a folder of them; without PATH the shipped catalog is checked.
            Translations are checked against the source locale's file found beside them, or the shipped one.
            With --brand DIR, the brand folder is checked against the shipped catalog (or --locales DIR): its
            partial locale files and its rules.yaml.
            Exit status: 0 clean, 1 errors (or warnings with --strict), 2 I/O failure, 64 usage error.
            """
    )

    @Option(name: .customLong("source-locale"), help: "The locale translations are checked against.")
    var sourceLocale = "en"

    @Option(help: "Output format: text, json or sarif.")
    var format: DiagnosticReport.Format = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: "A brand folder to check against the base catalog.")
    var brand: String?

    @Option(help: "With --brand: the base catalog's folder (default: the shipped catalog).")
    var locales: String?

    @Argument(help: "Locale files or folders.")
    var paths: [String] = []

    func run() throws {
        let validator: LocaleValidator
        do {
            validator = try LocaleValidator(sourceLocale: sourceLocale)
        } catch {
            try fail("\(error)")
        }
        if let brand {
            guard paths.isEmpty else { throw ValidationError("give either --brand DIR or paths, not both") }
            return try validateBrand(brand)
        }
        let (files, source) = paths.isEmpty ? (MessageCatalog.embeddedSources, nil) : try collect(paths, sourceLocale: validator.sourceLocale)
        let diagnostics = validator.validate(files, source: source)
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        let failing = diagnostics.contains { $0.severity == .error || strict }
        if failing { throw ExitCode(1) }
    }

    /// `--brand DIR`: the brand's locale files against the base, then its rules against its effective catalog.
    private func validateBrand(_ folder: String) throws {
        let base: Resolver
        let source: BrandSource
        do {
            base = try Resolver(catalog: locales.map { try MessageCatalog(directory: $0) } ?? MessageCatalog.embedded())
            source = try BrandSource(directory: folder)
        } catch {
            try fail("\(error)")
        }
        var diagnostics: [LocaleFileDiagnostic] = []
        var rulesProblems: [RulesProblem] = []
        do {
            diagnostics = try base.branded(source).catalog.diagnostics
        } catch {
            diagnostics = error.diagnostics
            rulesProblems = error.rulesProblems
        }
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        for problem in rulesProblems { print(problem.description) }
        if !rulesProblems.isEmpty || diagnostics.contains(where: { $0.severity == .error || strict }) { throw ExitCode(1) }
    }

    /// The files named by `paths`, and the source file to check them against if it is not among them.
    private func collect(_ paths: [String], sourceLocale: LocaleTag) throws -> ([LocaleSource], LocaleSource?) {
        var files: [LocaleSource] = []
        var folders: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { try fail("no such file or folder: \(path)") }
            if isDirectory.boolValue {
                folders.append(path)
                let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                for name in names.sorted() where name.hasSuffix(".yaml") { files.append(try read((path as NSString).appendingPathComponent(name))) }
            } else {
                folders.append((path as NSString).deletingLastPathComponent)
                files.append(try read(path))
            }
        }
        let sourceName = "\(sourceLocale.identifier).yaml"
        if files.contains(where: { ($0.path as NSString).lastPathComponent == sourceName }) { return (files, nil) }
        for folder in folders {
            let candidate = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(sourceName)
            if manager.fileExists(atPath: candidate) { return (files, try read(candidate)) }
        }
        return (files, MessageCatalog.embeddedSources.first { $0.path.hasSuffix("/" + sourceName) })
    }

    private func read(_ path: String) throws -> LocaleSource {
        guard let data = FileManager.default.contents(atPath: path) else { try fail("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { try fail("\(path) is not UTF-8 text") }
        return LocaleSource(path: path, text: text)
    }

    /// An I/O failure: the message on standard error, exit status 2.
    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("checkout-messages: \(message)\n".utf8))
        throw ExitCode(2)
    }
}

extension DiagnosticReport.Format: ExpressibleByArgument {}
