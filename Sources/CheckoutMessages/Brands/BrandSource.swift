import Foundation

/// A brand as files: partial locale files (`<tag>.yaml`, only the keys it changes, or a locale the base
/// lacks) and, optionally, a `rules.yaml` that replaces the base rules for this brand.
public struct BrandSource: Sendable, Hashable {
    /// The brand's locale files.
    public var files: [LocaleSource]
    /// The brand's rules file, if it has one (its `path` is used in problems).
    public var rules: LocaleSource?

    /// A brand from files held in memory.
    public init(files: [LocaleSource], rules: LocaleSource? = nil) {
        self.files = files
        self.rules = rules
    }

    /// The name of the rules file in a brand folder.
    public static let rulesFileName = "rules.yaml"

    /// Reads a brand folder: every `*.yaml` file but `rules.yaml` is a locale file.
    public init(directory: String) throws(CatalogError) {
        var files: [LocaleSource] = []
        var rules: LocaleSource?
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                let source = LocaleSource(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
                if name == Self.rulesFileName { rules = source } else { files.append(source) }
            }
        } catch {
            throw CatalogError(diagnostics: [LocaleFileDiagnostic(
                file: directory, line: 1, column: 1, check: .io, severity: .error,
                message: "cannot read the brand folder: \(error.localizedDescription)")])
        }
        self.init(files: files, rules: rules)
    }
}
