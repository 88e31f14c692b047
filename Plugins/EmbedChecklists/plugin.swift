import Foundation
import PackagePlugin

/// Runs EmbedGen over the package's `checklists/` folder so the built-in catalog, checklists
/// and schemas are compiled into CheckDocsCore and a copied binary needs no resource bundle.
@main
struct EmbedChecklists: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "checklists")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedChecklists.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
                if values?.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") {
                    inputs.append(url)
                }
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding checklists/ into \(target.name)",
                executable: try context.tool(named: "EmbedGen").url,
                arguments: [root.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
