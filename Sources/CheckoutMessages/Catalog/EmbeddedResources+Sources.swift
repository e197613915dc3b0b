extension EmbeddedResources {
    /// The embedded files under `folder/`.
    static func texts(in folder: String) -> [(path: String, text: String)] {
        files.filter { $0.path.hasPrefix(folder + "/") }
    }

    /// The shipped `locales/*.yaml`.
    static var localeSources: [LocaleSource] { texts(in: "locales").map { LocaleSource(path: $0.path, text: $0.text) } }
}
