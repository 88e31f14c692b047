import Foundation
import PackagePlugin

/// Runs EmbedGen over the package's `checklists/` and `catalog/` folders, so the document types,
/// the checklists, the schemas and the real programs are compiled into CheckDocsCore and a copied
/// binary needs no resource bundle; and over the target's `Engine/Constraints/` and `Engine/Eligibility/` sources, so every constraint
/// kind and every eligibility rule kind declared there is registered without a list to keep by
/// hand (docs/architecture.md).
@main
struct EmbedChecklists: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // The data compiled in: checklists/ (keys relative to it) and catalog/ (keys under `catalog/`).
        let roots = [(context.package.directoryURL.appending(path: "checklists"), ""),
                     (context.package.directoryURL.appending(path: "catalog"), "catalog/")]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedChecklists.swift")
        var inputs: [URL] = []
        for (root, _) in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
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
                displayName: "Embedding checklists/ and catalog/ into \(target.name)",
                executable: try context.tool(named: "EmbedGen").url,
                arguments: [output.path, kindsOutput.path] + roots.flatMap { ["--data", $0.0.path, $0.1] } + kindSources.map(\.path),
                inputFiles: inputs + kindSources,
                outputFiles: [output, kindsOutput]
            )
        ]
    }
}
