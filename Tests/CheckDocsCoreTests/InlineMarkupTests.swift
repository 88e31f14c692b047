import Testing
@testable import CheckDocsCore

/// The Markdown marks of free text in the HTML report (docs/reports.md, HTML): code and strong
/// spans become markup, everything is escaped, and a mark that is part of a name stays itself.
@Suite struct InlineMarkupTests {
    @Test("code and strong spans become <code> and <strong>, their text escaped", arguments: [
        ("add `expires:` in the manifest", "add <code>expires:</code> in the manifest"),
        ("(`medium_of_instruction`; its text says", "(<code>medium_of_instruction</code>; its text says"),
        ("declare it with `type: translation` and `translates:`", "declare it with <code>type: translation</code> and <code>translates:</code>"),
        ("**Bring** the original", "<strong>Bring</strong> the original"),
        ("**Bring `form: a<b`** now.", "<strong>Bring <code>form: a&lt;b</code></strong> now."),
        ("`<script>`", "<code>&lt;script&gt;</code>"),
    ])
    func spans(text: String, html: String) {
        #expect(InlineMarkup.html(text) == html)
    }

    @Test("a mark that does not pair as Markdown is a character of a name and stays as itself", arguments: [
        ("scans/a`b.pdf: its expiry date is unknown (add `expires:` in the manifest)",
         "scans/a`b.pdf: its expiry date is unknown (add <code>expires:</code> in the manifest)"),
        ("x `b.pdf: unknown (add `expires:` in it)", "x `b.pdf: unknown (add <code>expires:</code> in it)"),
        ("2**10 doses", "2**10 doses"),
        ("a ** b ** c", "a ** b ** c"),
        ("`` and ``", "`` and ``"),
        ("`open", "`open"),
        ("`a\nb`", "`a\nb`"),
        ("Flu_shot <img src=x>&\"'.pdf", "Flu_shot &lt;img src=x&gt;&amp;&quot;&#39;.pdf"),
    ])
    func literal(text: String, html: String) {
        #expect(InlineMarkup.html(text) == html)
    }

    @Test("control characters stay visible inside and outside spans")
    func controls() {
        #expect(InlineMarkup.html("a \u{1B}[31m `b\u{1B}`") == "a \\x1B[31m <code>b\\x1B</code>")
    }
}
