import CheckDocsNative

/// The limits of the document-type catalog (docs/programs.md, "Limits of inheritance and the catalog"): how many types, and how
/// long a chain of parents may be. `DocumentCatalog` precomputes every type's ancestors, which
/// costs the square of the chain's length; these checks run first, in time linear in the catalog.
extension CatalogLoader {
    /// Where each type of a catalog file is defined: `/types/<index>` in that file.
    public static func origins(of types: [DocumentType], file: String) -> [String: SourceLocation] {
        var origins: [String: SourceLocation] = [:]
        for (index, type) in types.enumerated() {
            origins[type.id] = SourceLocation(file: file, position: .pointer("/types/\(index)"))
        }
        return origins
    }

    /// Errors for a merged catalog past a limit, or whose parents form a cycle. `origins` gives
    /// each type's definition (the one in effect, when a later file replaced it).
    public static func checkLimits(_ types: [DocumentType], origins: [String: SourceLocation]) -> [InputError] {
        func location(_ id: String) -> SourceLocation { origins[id] ?? SourceLocation(file: "document-types.json") }
        if types.count > InputLimits.types {
            let first = types[InputLimits.types].id
            return [InputError(location(first), "the catalog has \(types.count) document types with the built-in ones; at most \(InputLimits.types) are allowed")]
        }
        var index: [String: Int] = [:]
        for (offset, type) in types.enumerated() where index[type.id] == nil { index[type.id] = offset }

        // Longest chain of parents above each type, by a walk with its own stack (a chain of
        // thousands must not exhaust the thread's); a parent still on the stack closes a cycle.
        enum State { case new, active, done }
        var state = [State](repeating: .new, count: types.count)
        var depth = [Int](repeating: 0, count: types.count)
        var stackPosition: [Int: Int] = [:]
        var errors: [InputError] = []
        for root in types.indices where state[root] == .new {
            var stack: [(type: Int, next: Int)] = [(root, 0)]
            state[root] = .active
            stackPosition[root] = 0
            while let top = stack.last {
                let parents = types[top.type].parents
                if top.next < parents.count {
                    stack[stack.count - 1].next += 1
                    guard let parent = index[parents[top.next]] else { continue }  // unknown parents: reported by decode
                    switch state[parent] {
                    case .new:
                        state[parent] = .active
                        stackPosition[parent] = stack.count
                        stack.append((parent, 0))
                    case .active:
                        let members = stack[stackPosition[parent]!...].map { types[$0.type].id }
                        let shown = members.count > 5 ? Array(members.prefix(4)) + ["…"] : members
                        errors.append(InputError(location(types[top.type].id),
                                                 "parent types form a cycle: \((shown + [types[parent].id]).joined(separator: " → "))"))
                    case .done:
                        break
                    }
                    continue
                }
                stack.removeLast()
                state[top.type] = .done
                stackPosition[top.type] = nil
                var longest = 0
                for parent in types[top.type].parents {
                    if let position = index[parent], state[position] == .done { longest = max(longest, depth[position] + 1) }
                }
                depth[top.type] = longest
                // Only where the limit is first passed: every type below it is past it through this one.
                if longest == InputLimits.parentDepth + 1 {
                    errors.append(InputError(location(types[top.type].id),
                                             "document type \"\(types[top.type].id)\" has a chain of \(longest) parents; at most \(InputLimits.parentDepth) are allowed"))
                }
            }
        }
        return errors
    }
}
