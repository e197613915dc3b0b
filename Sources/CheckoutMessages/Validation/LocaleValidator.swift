/// Checks locale files the way translators need: every finding with its file, line, column, key, a
/// stable check id and a one-line explanation. The catalog loads files through the same checks.
///
/// Errors: YAML syntax and structure, duplicate key, ICU syntax, patterns ICU refuses to build, plural or
/// select without `other`, invalid or duplicate selectors, arguments that differ from the source (names
/// or kinds, which also catches `d'{name}`), keys missing from a translation, file names that are not a
/// known locale. Warnings: plural categories the locale needs but lacks or never selects, keys not in the
/// source, untranslated copies, stale translations, markup, control and bidi characters, stray whitespace.
public struct LocaleValidator: Sendable {
    /// The locale translations are checked against.
    public let sourceLocale: LocaleTag

    /// Creates a validator for catalogs whose source locale is `sourceLocale`.
    public init(sourceLocale: String = "en") throws(LocaleTagError) {
        self.sourceLocale = try LocaleTag(sourceLocale)
    }

    /// Validates `files`. The source file is taken from `files` (by its name) or from `source`.
    public func validate(_ files: [LocaleSource], source: LocaleSource? = nil) -> [LocaleFileDiagnostic] {
        run(files, source: source).diagnostics
    }

    /// Validates a brand's locale files against the catalog they overlay (see `BrandSource`): partial files,
    /// each key one the base knows, arguments as the base's source, unsafe text an error.
    public func validate(brand files: [LocaleSource], base: MessageCatalog) -> [LocaleFileDiagnostic] {
        BrandOverlay.validate(files, base: base).diagnostics
    }

    /// Validation with its by-products: the compiled messages of each file, for the catalog.
    func run(_ files: [LocaleSource], source: LocaleSource? = nil) -> ValidationRun {
        var diagnostics: [LocaleFileDiagnostic] = []
        var named: [(LocaleSource, LocaleTag)] = []
        for file in files {
            if let tag = Self.tag(forPath: file.path) {
                named.append((file, tag))
            } else {
                diagnostics.append(Self.fileNameProblem(file.path))
            }
        }
        let sourceInput = named.first { $0.1 == sourceLocale } ?? source.map { ($0, sourceLocale) }
        var validatedSource: ValidatedLocale?
        if let (file, tag) = sourceInput {
            let validated = MessageChecks.validateSource(file, tag: tag)
            diagnostics += validated.diagnostics
            validatedSource = validated
        }
        var locales: [ValidatedLocale] = validatedSource.map { [$0] } ?? []
        for (file, tag) in named where tag != sourceLocale {
            guard let validatedSource, validatedSource.file != nil else {
                diagnostics.append(LocaleFileDiagnostic(
                    file: file.path, line: 1, column: 1, check: .sourceMissing,
                    message: "cannot check against the source locale \(sourceLocale): its file is missing or unreadable"))
                continue
            }
            let validated = MessageChecks.validateTranslation(file, tag: tag, source: validatedSource)
            diagnostics += validated.diagnostics
            locales.append(validated)
        }
        // By id, not by the enum's declaration order, so that reordering cases does not reorder output.
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.check.rawValue) < ($1.file, $1.line, $1.column, $1.check.rawValue) }
        return ValidationRun(diagnostics: diagnostics, locales: locales)
    }

    /// The locale a file is for, from its name: `pt-BR.yaml` is pt-BR; `german.yaml` is nothing.
    public static func tag(forPath path: String) -> LocaleTag? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".yaml"), let tag = try? LocaleTag(String(name.dropLast(5))), tag.isKnownLanguage else { return nil }
        return tag
    }

    static func fileNameProblem(_ path: String) -> LocaleFileDiagnostic {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return LocaleFileDiagnostic(
            file: path, line: 1, column: 1, check: .localeTag,
            message: "the file name \"\(name.count > 60 ? String(name.prefix(60)) + "…" : name)\" is not a known BCP 47 locale tag",
            hint: "name locale files after their tag, e.g. de.yaml, pt-BR.yaml, zh-Hans.yaml")
    }
}
