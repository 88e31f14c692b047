import CLibXML2

/// Process-wide libxml2 set-up, done once: its allocator, and the deny-all loader for external
/// entities and DTDs.
public enum XMLLibrary {
    private static let initialized: Bool = {
        // Before libxml2 allocates anything of its own: its allocator (XMLMemory).
        XMLMemory.install()
        xmlInitParser()
        cxml_install_deny_loader()
        return true
    }()

    static func initializeOnce() { _ = initialized }
}
