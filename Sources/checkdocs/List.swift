import ArgumentParser
import CheckDocsCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List programs, document types or checklists.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case programs, types, checklists
    }

    @Argument(help: "programs, types or checklists.")
    var what: What

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        do {
            try body()
        } catch {
            throw Terminal.fail(error)
        }
    }

    private func body() throws(InputErrors) {
        let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
        switch what {
        case .types:
            for type in knowledge.catalog.types.sorted(by: { $0.id < $1.id }) {
                Terminal.out("\(type.id.padding(24))\(type.title)\n")
            }
        case .checklists:
            for checklist in knowledge.checklists.sorted(by: { $0.id < $1.id }) {
                Terminal.out("\(checklist.id.padding(20))\(checklist.name) — \(checklist.requirements.count) requirements, \(checklist.source.href) (as of \(checklist.source.asOf))\n")
            }
        case .programs:
            let programs = catalog.programs.isEmpty ? try knowledge.standardPrograms() : try knowledge.loadPrograms(catalog.programs)
            for program in programs.sorted(by: { $0.id < $1.id }) {
                let description = program.description
                Terminal.out("\(program.id.padding(28))\(description.kind.rawValue.padding(19))\(description.name)\n")
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
