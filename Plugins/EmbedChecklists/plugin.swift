import Foundation
import PackagePlugin

/// Runs EmbedGen over the package's `checklists/` folder so the built-in catalog, checklists
/// and schemas are compiled into CheckDocsCore and a copied binary needs no resource bundle; and
/// over the target's `Engine/Constraints/` and `Engine/Eligibility/` sources, so every constraint
/// kind and every eligibility rule kind declared there is registered without a list to keep by
/// hand (docs/architecture.md).
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
        let kindsOutput = context.pluginWorkDirectoryURL.appending(path: "RegisteredKinds.swift")
        let kindSources = (target as? SourceModuleTarget)?.sourceFiles(withSuffix: "swift")
            .map(\.url).filter { $0.path.contains("/Engine/Constraints/") || $0.path.contains("/Engine/Eligibility/") }
            .sorted { $0.path < $1.path } ?? []
        return [
            .buildCommand(
                displayName: "Embedding checklists/ into \(target.name)",
                executable: try context.tool(named: "EmbedGen").url,
                arguments: [root.path, output.path, kindsOutput.path] + kindSources.map(\.path),
                inputFiles: inputs + kindSources,
                outputFiles: [output, kindsOutput]
            )
        ]
    }
}
