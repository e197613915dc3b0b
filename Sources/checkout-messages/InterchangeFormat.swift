import ArgumentParser

/// The interchange formats of `export` and `import`.
enum InterchangeFormat: String, ExpressibleByArgument, CaseIterable {
    /// XLIFF 2.0, one file per target locale (`<tag>.xlf`).
    case xliff
    /// ICU JSON: a flat object of key → ICU message (`<tag>.json`).
    case json

    var fileExtension: String { self == .xliff ? "xlf" : "json" }
}
