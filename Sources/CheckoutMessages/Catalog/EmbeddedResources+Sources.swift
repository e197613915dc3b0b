import Foundation

extension EmbeddedResources {
    /// The embedded files under `folder/`, decoded as UTF-8.
    static func texts(in folder: String) -> [(path: String, text: String)] {
        files.filter { $0.path.hasPrefix(folder + "/") }.compactMap { file in
            guard let data = Data(base64Encoded: file.base64), let text = String(data: data, encoding: .utf8) else { return nil }
            return (file.path, text)
        }
    }

    /// The shipped `locales/*.yaml`.
    static var localeSources: [LocaleSource] { texts(in: "locales").map { LocaleSource(path: $0.path, text: $0.text) } }
}
