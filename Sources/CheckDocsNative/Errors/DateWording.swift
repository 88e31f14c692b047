/// How a refused date is worded, alike in JSON (the schema validator) and XML (libxml2's
/// `xs:date`) descriptions, manifests and waivers: text not in the form YYYY-MM-DD says so, and
/// text in the form that names no day ("2027-02-30") says that instead, since its form is right
/// (docs/format.md, "Dates and durations").
public enum DateWording {
    /// Four digits, a hyphen, two digits, a hyphen, two digits: whatever day they name.
    public static func isInForm(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
    }

    /// `"2027-02-30" is not a day of the calendar`, `"April 2024" is not a date in the form
    /// YYYY-MM-DD`; `quoted` is the text as the message shows it, `inForm` whether it is in the form.
    public static func refusal(_ quoted: String, inForm: Bool) -> String {
        inForm ? "\(quoted) is not a day of the calendar" : "\(quoted) is not a date in the form YYYY-MM-DD"
    }
}
