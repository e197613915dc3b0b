import Foundation
import PackagePlugin

/// Embeds the repository's `locales/*.yaml` and `rules/*.yaml` into the target that uses this plugin,
/// so the library works from any directory while those folders remain the one source of truth.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    static let folders = ["locales", "rules"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let directory = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appending(path: $0) }
        }
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
