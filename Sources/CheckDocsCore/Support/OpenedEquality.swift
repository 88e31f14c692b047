/// Whether `right` is a `Value` equal to `left`: the `==` of a wrapper of any constraint or
/// eligibility kind (`AnyDocumentConstraint`, `AnyEligibilityCheck`), called with the wrapped value
/// opened. Going through `AnyHashable` boxed both sides and looked up their conformance every time,
/// and every rule is hashed and compared as it is loaded and resolved.
func isEqual<Value: Hashable>(_ left: Value, to right: any Hashable) -> Bool {
    guard let right = right as? Value else { return false }
    return left == right
}
