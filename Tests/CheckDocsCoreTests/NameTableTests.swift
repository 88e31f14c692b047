import Testing
@testable import CheckDocsCore

/// The table a folder's candidates are found in by type (`NameTable`, docs/performance.md
/// "Candidates by type") finds every name it was given, and nothing else, however the names collide.
/// Its names are type ids, which the schemas hold to ASCII.
@Suite struct NameTableTests {
    @Test("every name is found with its own value, absent ones are not, at every size from empty to past a resize")
    func findsEveryName() {
        for count in [0, 1, 3, 4, 5, 16, 17, 300] {
            var values: [String: Int] = [:]
            for index in 0..<count { values["type_\(index)"] = index * 7 }
            let table = NameTable(values)
            for (name, value) in values { #expect(table[name] == value) }
            #expect(table["type_\(count)"] == nil)
            #expect(table[""] == nil)
            #expect(table["TYPE_0"] == nil)
            let doubled = table.mapValues { $0 * 2 }
            for (name, value) in values { #expect(doubled[name] == value * 2) }
        }
    }

    @Test("names that fill the same slots are told apart")
    func collisions() {
        // With sixteen slots, names are placed by hash & 15: some of these share slots.
        let names = ["a", "b", "c", "cv", "tb_igra", "tb_ppd", "passport", "health_insurance"]
        let table = NameTable(names.enumerated().map { (key: $1, value: $0) })
        for (index, name) in names.enumerated() { #expect(table[name] == index) }
        #expect(Set(names.map { NameTable<Int>.hash($0) & 15 }).count < names.count)
    }
}
