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

print("seeds: FuzzProgramXML %d, FuzzProgramJSON %d, FuzzManifest %d, FuzzFileName %d, FuzzFolderScan %d, FuzzEngine %d, FuzzReporters %d"
      % (n_xml, n_json, n_manifest, n_names, choice_counts["FuzzFolderScan"], choice_counts["FuzzEngine"], choice_counts["FuzzReporters"]))
