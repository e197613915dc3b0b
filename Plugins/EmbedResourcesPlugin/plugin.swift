import Foundation
import PackagePlugin

/// Embeds repository files into the target that uses this plugin, so binaries work from any directory
/// while the files in the repository remain the one source of truth: `locales/*.yaml` and
/// `rules/*.yaml` for the library, `openapi.yaml` for the HTTP server.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    /// Folders (all `*.yaml` inside) and single files, per target.
    static let resources: [String: (folders: [String], files: [String])] = [
        "CheckoutMessages": (["locales", "rules"], []),
        "CheckoutMessagesServer": ([], ["openapi.yaml"]),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let wanted = Self.resources[target.name] ?? ([], [])
        var inputs: [URL] = []
        for folder in wanted.folders {
            let directory = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appending(path: $0) }
        }
        inputs += wanted.files.map { root.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resource files",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
