#!/usr/bin/env python3
"""Writes the seed corpora and dictionaries for the fuzz targets (scripts/fuzz) into OUT:
OUT/seeds/<target>/ and OUT/dict/<target>.dict. Usage: fuzz-seeds.py OUT [CORPORA]"""
import glob, hashlib, json, os, random, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]
corpora = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "corpora")
max_len = 65536


def files(pattern):
    return sorted(glob.glob(os.path.join(root, pattern), recursive=True))


def shared(pattern):
    return sorted(glob.glob(os.path.join(corpora, pattern), recursive=True)) if os.path.isdir(corpora) else []


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def write_seeds(target, items):
    folder = os.path.join(out, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    count = 0
    for data in items:
        if len(data) > max_len:
            continue
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as handle:
            handle.write(data)
        count += 1
    return count


def write_dict(target, tokens):
    os.makedirs(os.path.join(out, "dict"), exist_ok=True)
    with open(os.path.join(out, "dict", target + ".dict"), "w") as handle:
        for token in sorted(set(tokens)):
            data = token if isinstance(token, bytes) else token.encode()
            if data and len(data) <= 64:
                escaped = "".join(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else "\\x%02X" % b for b in data)
                handle.write('"%s"\n' % escaped)


def schema_words(path):
    """Property names and enum values of a JSON schema."""
    words = []
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.extend(value.keys())
                if key == "enum" and isinstance(value, list):
                    words.extend(v for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(json.loads(read(path)))
    return words


catalog = json.loads(read(os.path.join(root, "checklists", "document-types.json")))
aliases = [alias for t in catalog["types"] for alias in t.get("aliases", []) + [t["id"]]]

# Program descriptions in XML: samples, the standard checklists, libxml2's malformed files.
xml = [read(p) for p in files("samples/**/*.xml") + files("checklists/checklists/*.xml")]
xml += [read(p) for p in shared("libxml2-tests/test/errors/*") + shared("libxml2-tests/test/recurse/*")]
xsd = read(os.path.join(root, "checklists", "schema", "program.xsd")).decode()
names = set(re.findall(r'name="([A-Za-z_][\w.-]*)"', xsd)) | set(re.findall(r'value="([^"]+)"', xsd))
write_dict("FuzzProgramXML", ["<" + n for n in names] + ["</" + n + ">" for n in names] + [n + '="' for n in names]
           + list(names) + ['xmlns="urn:checkdocs:program:1"', "<?xml", "?>", "<!DOCTYPE", "<![CDATA[", "]]>", "&amp;", "&#x"])
n_xml = write_seeds("FuzzProgramXML", xml)

# Program descriptions in JSON: samples, JSON checklists, JSONTestSuite.
json_programs = [read(p) for p in files("samples/**/*.json") if not p.endswith("checkdocs.json")]
json_suite = [read(p) for p in shared("JSONTestSuite/test_parsing/*.json")]
program_words = schema_words(os.path.join(root, "checklists", "schema", "program.schema.json"))
write_dict("FuzzProgramJSON", ['"%s":' % w for w in program_words] + ['"%s"' % w for w in program_words]
           + ["true", "false", "null", "\\u", "1e9", "-0", "2026-05-14"])
n_json = write_seeds("FuzzProgramJSON", json_programs + json_suite)

# Manifests: a first byte of "0" means YAML, "1" JSON (FuzzEntryPoints.manifest).
yaml = [read(p) for p in files("samples/applicants/**/checkdocs.yaml") + files("samples/applicants/**/checkdocs.yml")]
yaml += [read(p) for p in files("samples/**/checkdocs-waivers.yaml")]
yaml += [read(p) for p in shared("yaml-test-suite/data/**/in.yaml")]
manifest_json = [read(p) for p in files("samples/applicants/**/checkdocs.json") + shared("yaml-test-suite/data/**/in.json")]
manifest_words = schema_words(os.path.join(root, "checklists", "schema", "manifest.schema.json"))
write_dict("FuzzManifest", [w + ": " for w in manifest_words] + ['"%s":' % w for w in manifest_words] + manifest_words
           + ["---", "...", "- ", "&a", "*a", "!!str", "? ", "|\n", ">\n", "2026-05-14", "./"])
n_manifest = write_seeds("FuzzManifest", [b"0" + d for d in yaml] + [b"1" + d for d in manifest_json + json_suite])

# File names: every path in the sample folders, and each alias as a dated file name.
paths = []
for folder in files("samples/applicants/*"):
    for base, _, names_in in os.walk(folder):
        for name in names_in:
            paths.append(os.path.relpath(os.path.join(base, name), folder).encode())
dated = [("%s %s.pdf" % (alias, date)).encode() for alias, date in
         zip(aliases, ["2026-05-14", "14 May 2026", "05-06-2026", "20260514", "May 14 2026", "2026_05_14"] * len(aliases))]
write_dict("FuzzFileName", aliases + ["2026", "-05-", "14", "may", "janvier", ".pdf", "/", "_", "é", "\u2019"])
n_names = write_seeds("FuzzFileName", paths + [a.encode() for a in aliases] + dated)

# PDFs for the worker's reader: the sample folders' PDFs, and small versions of the shapes in
# Tests/CheckDocsCLITests/HostilePDFs.swift (forms drawing forms, pages sharing one content
# stream, a field that is its own kid), shallow enough that one run stays well under a second.
def assemble_pdf(objects):
    out, offsets = b"%PDF-1.7\n", []
    for index, body in enumerate(objects):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (index + 1, body)).encode()
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)).encode()
    out += b"".join(("%010d 00000 n \n" % o).encode() for o in offsets)
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)).encode()
    return out


def pdf_stream(content, dictionary=""):
    return "<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(content), content)


def form_pages(levels, pages):
    first, form = 5, "/Type /XObject /Subtype /Form /BBox [0 0 612 792]"
    page_ids = [first + levels + i for i in range(pages)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % p for p in page_ids), pages),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", pdf_stream("/X Do")]
    for level in range(levels):
        if level == 0:
            objects.append(pdf_stream("BT /F1 12 Tf 72 700 Td (deep) Tj ET", form + " /Resources << /Font << /F1 3 0 R >> >>"))
        else:
            objects.append(pdf_stream("/X Do /X Do", form + " /Resources << /XObject << /X %d 0 R >> >>" % (first + level - 1)))
    for _ in page_ids:
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X %d 0 R >> >> /Contents 4 0 R >>"
                       % (first + levels - 1))
    return assemble_pdf(objects)


def shared_field(widgets):
    refs = " ".join("%d 0 R" % (6 + i) for i in range(widgets))
    objects = ["<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] /SigFlags 3 >> >>" % refs,
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [%s] >>" % refs,
               pdf_stream("BT ET"), "<< /FT /Sig /Parent 5 0 R /Kids [5 0 R %s] >>" % refs]
    objects += ["<< /Type /Annot /Subtype /Widget /Parent 5 0 R /Kids [5 0 R %s] /Rect [0 0 10 10] >>" % refs] * widgets
    return assemble_pdf(objects)


pdfs = [read(p) for p in files("samples/**/*.pdf")]
pdfs += [form_pages(4, 1), form_pages(3, 20), shared_field(3), assemble_pdf([
    "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    pdf_stream("BT /F1 12 Tf 72 700 Td (Official transcript of records) Tj ET"),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])]
write_dict("FuzzPDFWorker", ["obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref", "%%EOF", "/Type", "/Page",
                             "/Pages", "/Kids", "/Count", "/Parent", "/MediaBox", "/Contents", "/Resources", "/XObject",
                             "/Form", "/Do", "/Font", "/AcroForm", "/Fields", "/FT", "/Sig", "/ByteRange", "/Encrypt",
                             "/Annots", "/Widget", "/Length", "/FlateDecode", " 0 R", "BT", "ET", "Tj", "Tf", "Td"])
n_pdfs = write_seeds("FuzzPDFWorker", pdfs)

# The targets that build a folder, a program or a report read their input as a stream of choices
# (FuzzInput): seeds are the kept regression inputs and pseudo-random streams of a fixed seed, so
# every run starts from the same corpus; the dictionary offers the bytes that pick a first or
# last choice, and runs of them.
rng = random.Random(11)
choice_counts = {}
for target in ("FuzzFolderScan", "FuzzEngine", "FuzzReporters"):
    kept = [read(p) for p in files("Tests/CheckDocsCoreTests/FuzzRegressions/%s/*" % target)]
    streams = [bytes(rng.randrange(256) for _ in range(rng.choice([32, 128, 512, 2048]))) for _ in range(48)]
    write_dict(target, [b"\x00", b"\xff", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\x01\x01", b"\x08", b"\x80"])
    choice_counts[target] = write_seeds(target, kept + streams)

# The catalog cache's entries (CatalogTreeCodec): the kept inputs (a real sample program's tree,
# XML and JSON, and hand-made hostile ones); the dictionary offers the kind and tag bytes and
# counts that claim too much.
kept = [read(p) for p in files("Tests/CheckDocsCoreTests/FuzzRegressions/FuzzCatalogEntry/*")]
write_dict("FuzzCatalogEntry", [b"\x01", b"\x02", b"\x05", b"\x06", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\xff\xff\xff\x7f"])
n_entries = write_seeds("FuzzCatalogEntry", kept)

print("seeds: FuzzProgramXML %d, FuzzProgramJSON %d, FuzzManifest %d, FuzzFileName %d, FuzzPDFWorker %d, FuzzFolderScan %d, "
      "FuzzEngine %d, FuzzReporters %d, FuzzCatalogEntry %d"
      % (n_xml, n_json, n_manifest, n_names, n_pdfs, choice_counts["FuzzFolderScan"], choice_counts["FuzzEngine"],
         choice_counts["FuzzReporters"], n_entries))
