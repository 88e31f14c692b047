import CheckDocsNative

/// Left-aligned columns sized to their widest cell, two spaces apart; the last column is not padded.
public enum TextTable {
    public static func render(_ unsafeRows: [[String]]) -> String {
        let rows = unsafeRows.map { $0.map { DisplayText.escape($0) } }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined() + "\n"
        }.joined()
    }
}
