/// The per-unit duration limits (DateLimits.maximum) for XML descriptions. XSD 1.0 cannot make an
/// attribute's bound depend on another attribute, so program.xsd holds `within` and `margin` to
/// the largest limit (36500, in days) and this pass holds months and years to theirs, with the
/// element's line and column; program.schema.json says the same with one form per unit, so
/// both formats refuse the same descriptions, in `lint` and in `check` (docs/format.md).
enum DurationLimitCheck {
    static func errors(in root: XMLElementNode, file: String) -> [InputError] {
        var errors: [InputError] = []
        var pending = [root]
        while let element = pending.popLast() {
            pending.append(contentsOf: element.children)
            let amountName: String
            switch element.name {
            case "window": amountName = "within"
            case "validThrough": amountName = "margin"
            default: continue
            }
            // A missing or malformed value is the XSD's to report; a missing validThrough unit is days.
            guard let amount = element.attribute(amountName).flatMap({ Int($0) }),
                  let unit = DurationUnit(rawValue: element.attribute("unit") ?? "days"),
                  let problem = DateLimits.problem(amount: amount, unit: unit) else { continue }
            errors.append(InputError(SourceLocation(file: file, position: .line(element.line, column: element.column)),
                                     "<\(element.name)> \(amountName): \(problem)"))
        }
        return errors
    }
}
