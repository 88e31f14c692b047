#!/usr/bin/env python3
"""Deterministic benchmark corpus for checkdocs (standard library only).

  bench-corpus.py programs N OUT [--seed S]   N program descriptions, as OUT/xml/*.xml and OUT/json/*.json
  bench-corpus.py folder M OUT [--seed S]     an applicant folder of M files with a checkdocs.yaml

Each program extends a standard checklist and adds, replaces, removes and tightens requirements
(windows, alternatives, titers, seasons, validity) and eligibility rules: about 20 requirements
once resolved, about 3 KB of XML. The XML and JSON twins say the same thing (the JSON mapping of
docs/programs.md). Same arguments and seed, same bytes.
"""
import json
import os
import random
import struct
import sys
import zlib
from xml.sax.saxutils import quoteattr

KINDS = ["observership", "externship", "internship", "visiting-elective", "residency"]
VISAS = ["B-1", "B-2", "F-2", "H-4", "J-1", "J-2", "L-2", "O-3", "WB", "WT"]
STATES = ["NY", "OH", "TX", "CA", "MN", "FL", "MD", "OK", "PA", "IL", "MA", "GA"]
SPECIALTIES = ["Internal Medicine", "Surgery", "Pediatrics", "Emergency Medicine", "Neurology",
               "Family Medicine", "Psychiatry", "Radiology", "Cardiology", "Anesthesiology"]


def window(anchor, within, unit):
    return {"anchor": anchor, "within": within, "unit": unit}


def requirement_pool(rng, kind):
    """Candidate requirements (JSON form) for one program; ids reuse the checklists' where they replace."""
    anchor = rng.choice(["rotation-start", "rotation-end"])
    tb_months = rng.choice([3, 6, 12])
    pool = [
        {"id": "tb", "title": f"TB screening within {tb_months} months of the rotation",
         "hint": "A negative IGRA or PPD; a positive result needs a chest x-ray.",
         "anyOf": [
             {"document": {"type": "tb_test", "result": "negative", "windows": [window(anchor, tb_months, "months")]}},
             {"document": {"type": "tb_ppd", "min": 2, "result": "negative", "windows": [window("rotation-start", 90, "days")]}},
             {"allOf": [
                 {"document": {"type": "tb_test", "result": "positive"}},
                 {"document": {"type": "chest_xray", "windows": [window("rotation-start", 12, "months")]}},
             ]},
         ]},
        {"id": "hepb", "title": "Hepatitis B surface antibody, quantitative",
         "document": {"type": "hepb", "titer": {"min": rng.choice([10, 12]), "unit": "mIU/mL"}}},
        {"id": "mmr", "title": "MMR: two doses or positive titers",
         "anyOf": [
             {"document": {"type": "mmr", "minDoses": 2}},
             {"allOf": [
                 {"anyOf": [{"document": {"type": "measles", "minDoses": 2}}, {"document": {"type": "measles", "result": "positive"}}]},
                 {"anyOf": [{"document": {"type": "mumps", "minDoses": 2}}, {"document": {"type": "mumps", "result": "positive"}}]},
                 {"anyOf": [{"document": {"type": "rubella", "minDoses": 1}}, {"document": {"type": "rubella", "result": "positive"}}]},
             ]},
         ]},
        {"id": "influenza", "title": "Flu vaccine for the current season", "due": rng.choice(["application", "after-offer"]),
         "when": {"rotationOverlaps": "11-01/03-31"},
         "document": {"type": "influenza", "season": {"anchor": "rotation-start", "startsOn": "08-01"}}},
        {"id": "passport", "title": "Passport valid beyond the rotation",
         "document": {"type": "passport", "validThrough": {"anchor": "rotation-end", "margin": rng.choice([3, 6]), "unit": "months"}}},
        {"id": "health-insurance", "title": "Health insurance covering the whole stay",
         "document": {"type": "health_insurance", "validThrough": {"anchor": "rotation-end"}}},
        {"id": "bls", "title": "BLS or ACLS valid through the rotation",
         "anyOf": [{"document": {"type": "bls", "validThrough": {"anchor": "rotation-end"}}},
                   {"document": {"type": "acls", "validThrough": {"anchor": "rotation-end"}}}]},
        {"id": "lor", "title": "Letters of recommendation", "document": {"type": "lor", "min": rng.choice([1, 2, 3]), "max": 4}},
        {"id": "background-check", "title": "Background check within a year", "due": "after-offer",
         "document": {"type": "background_check", "windows": [window("rotation-start", 12, "months")]}},
        {"id": "drug-screen", "title": "10-panel drug screen", "due": "after-offer",
         "document": {"type": "drug_screen", "windows": [window("rotation-start", rng.choice([30, 60, 90]), "days")]}},
        {"id": "physical-exam", "title": "Physical examination within a year",
         "document": {"type": "physical_exam", "windows": [window("rotation-start", 12, "months")]}},
        {"id": "toefl-report", "title": "TOEFL score report", "when": {"instructionInEnglish": False},
         "document": {"type": "english_test", "windows": [window("as-of", 2, "years")]}},
        {"id": "mask-fit", "title": "N95 mask fit test", "severity": "warning",
         "document": {"type": "mask_fit_test", "windows": [window("rotation-start", 12, "months")]}},
        {"id": "statement", "title": "Personal statement", "document": {"type": "personal_statement"}},
        {"id": "license", "title": "Medical license", "when": {"status": "graduate"}, "document": {"type": "medical_license"}},
    ]
    rng.shuffle(pool)
    return pool


def eligibility(rng, kind):
    rules = []
    if kind in ("visiting-elective", "externship"):
        rules.append({"applicantStatus": {"allowed": ["student"], "notGraduatedBefore": "rotation-end"}})
    elif kind == "residency":
        rules.append({"graduation": {"id": "graduated-recently", "maxYearsSince": rng.choice([3, 5, 10]), "anchor": "deadline"}})
        rules.append({"exam": {"id": "step2-cutoff", "exam": ["usmle-step2ck"], "passed": True, "minScore": rng.choice([210, 220, 230])}})
    else:
        rules.append({"visaClass": {"id": "visa-class", "accepted": sorted(rng.sample(VISAS, rng.randint(2, 6)))}})
    if rng.random() < 0.5:
        rules.append({"exam": {"id": "step1-passed", "exam": ["usmle-step1"], "passed": True}})
    if rng.random() < 0.4:
        rules.append({"english": {"id": "english", "exemptIfInstructionInEnglish": True,
                                  "tests": [{"test": "toefl-ibt", "minTotal": rng.choice([79, 90, 100, 104]), "withinYears": 2}]}})
    return rules


def program(rng, index):
    kind = KINDS[index % len(KINDS)]
    specialty = rng.choice(SPECIALTIES)
    start_month = rng.randint(1, 12)
    start_day = rng.randint(1, 20)
    start = f"2027-{start_month:02d}-{start_day:02d}"
    end = f"2027-{start_month:02d}-{start_day + 7:02d}"
    body = {
        "id": f"bench-{index:05d}",
        "kind": kind,
        "name": f"{specialty} {kind.replace('-', ' ')} program {index}",
        "institution": f"Sample Medical Center {index % 997} ({rng.choice(STATES)})",
        "specialty": specialty,
        "source": {"href": f"https://example.org/programs/{index}", "asOf": "2026-10-01"},
        "extends": [kind],
    }
    if kind != "residency":
        body["rotation"] = {"start": start, "end": end}
    body["deadline"] = f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body["fees"] = [{"amount": rng.choice([15, 50, 100, 200, 750]), "currency": "USD", "label": "Application fee"}]
    body["eligibility"] = eligibility(rng, kind)
    pool = requirement_pool(rng, kind)
    body["requirements"] = pool[:rng.randint(6, 9)]
    chosen = {r["id"] for r in body["requirements"]}
    removable = {"observership": ["photo", "usmle"], "externship": ["photo", "covid19"], "internship": ["bbp", "photo"],
                 "visiting-elective": ["osha", "covid19", "drug-screen"], "residency": ["photo"]}[kind]
    body["remove"] = [ref for ref in removable if ref not in chosen and rng.random() < 0.5]
    tightenable = [ref for ref in ["cv", "transcript", "hipaa", "varicella", "tdap"] if ref not in chosen and ref not in body["remove"]]
    tighten_refs = {"observership": ["cv", "hipaa", "varicella"], "externship": ["cv", "hipaa", "varicella"],
                    "internship": ["cv", "transcript", "hipaa", "varicella", "tdap"],
                    "visiting-elective": ["cv", "transcript", "hipaa", "varicella", "tdap"], "residency": ["cv", "transcript"]}[kind]
    body["tighten"] = [{"ref": ref, "due": "before-arrival"} for ref in tighten_refs if ref in tightenable and rng.random() < 0.5]
    for key in ("remove", "tighten"):
        if not body[key]:
            del body[key]
    return {"schemaVersion": 1, "program": body}


# --- the same program in XML (the mapping of docs/programs.md) -----------------------------------

def attrs(mapping, skip=()):
    parts = []
    for key, value in mapping.items():
        if key in skip or isinstance(value, (dict, list)) and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, list):
            value = " ".join(value)
        parts.append(f" {key}={quoteattr(str(value))}")
    return "".join(parts)


def expression_xml(expression, indent):
    pad = " " * indent
    if "document" in expression:
        clause = expression["document"]
        children = [f'<window{attrs(w)}/>' for w in clause.get("windows", [])]
        for key in ("validThrough", "season", "titer"):
            if key in clause:
                children.append(f"<{key}{attrs(clause[key])}/>")
        head = f"<document{attrs(clause, skip=('windows',))}"
        if not children:
            return f"{pad}{head}/>\n"
        inner = "".join(f"{pad}  {child}\n" for child in children)
        return f"{pad}{head}>\n{inner}{pad}</document>\n"
    (combinator, parts), = [(k, v) for k, v in expression.items() if k in ("anyOf", "allOf")]
    inner = "".join(expression_xml(part, indent + 2) for part in parts)
    return f"{pad}<{combinator}>\n{inner}{pad}</{combinator}>\n"


def program_xml(document):
    body = document["program"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="{body["id"]}" kind="{body["kind"]}">\n']
    for key in ("name", "institution", "specialty"):
        out.append(f"  <{key}>{body[key].replace('&', '&amp;').replace('<', '&lt;')}</{key}>\n")
    out.append(f"  <source{attrs(body['source'])}/>\n")
    out += [f'  <extends checklist="{checklist}"/>\n' for checklist in body["extends"]]
    if "rotation" in body:
        out.append(f"  <rotation{attrs(body['rotation'])}/>\n")
    out.append(f'  <deadline date="{body["deadline"]}"/>\n')
    out += [f"  <fee{attrs(fee)}/>\n" for fee in body["fees"]]
    out.append("  <eligibility>\n")
    for rule in body["eligibility"]:
        (name, fields), = rule.items()
        if "tests" in fields:
            tests = "".join(f"      <test{attrs(test)}/>\n" for test in fields["tests"])
            out.append(f"    <{name}{attrs(fields, skip=('tests',))}>\n{tests}    </{name}>\n")
        else:
            out.append(f"    <{name}{attrs(fields)}/>\n")
    out.append("  </eligibility>\n  <requirements>\n")
    out += [f'    <remove ref="{ref}"/>\n' for ref in body.get("remove", [])]
    for requirement in body["requirements"]:
        out.append(f"    <require{attrs(requirement, skip=('when', 'document', 'anyOf', 'allOf'))}>\n")
        if "when" in requirement:
            out.append(f"      <when{attrs(requirement['when'])}/>\n")
        out.append(expression_xml(requirement, 6))
        out.append("    </require>\n")
    out += [f"    <tighten{attrs(item)}/>\n" for item in body.get("tighten", [])]
    out.append("  </requirements>\n</program>\n")
    return "".join(out)


# --- the applicant folder ------------------------------------------------------------------------

CURRENT = [  # one applicant's current documents, as people name them (docs/catalog.md, "How files are classified")
    "CV.pdf", "Photo.jpg", "Passport_2033-01-09.pdf", "Visa_2028-05-31.pdf", "Diploma.pdf", "Transcript.pdf",
    "letters/LoR - Dr Mehta.pdf", "letters/LoR - Dr Okafor.pdf", "letters/LoR - Dr Silva.pdf", "Personal statement.pdf",
    "immunizations/TB_QuantiFERON_2026-11-02.pdf", "immunizations/MMR titers 2026-09-14.pdf",
    "immunizations/Varicella titer 2026-09-14.pdf", "immunizations/Hep B titer 2026-09-14.pdf", "immunizations/Tdap_2021-08-20.pdf",
    "immunizations/Flu_vaccine_2026-10-12.pdf", "immunizations/COVID-19_vaccination_card.pdf",
    "certificates/HIPAA_training_2026-09-01.pdf", "certificates/OSHA certificate 2026-09-01.pdf", "certificates/BLS card.pdf",
    "Health insurance_2027-12-31.pdf", "Malpractice insurance_2027-06-30.pdf", "Background check 2026-10-20.pdf",
    "Drug screen 2026-10-20.pdf", "Physical exam 2026-08-30.pdf", "USMLE Step 1 score report.pdf", "Good standing letter.pdf",
    "AAMC immunization form.pdf", "Mask fit test 2026-07-01.pdf", "Medical license.pdf", "ECFMG status report.pdf",
]
ARCHIVED = [  # earlier versions people keep: (stem, the date means "taken" or "expires")
    ("TB_QuantiFERON", "taken"), ("PPD", "taken"), ("Flu_vaccine", "taken"), ("Health insurance", "expires"),
    ("Passport", "expires"), ("Visa", "expires"), ("Drug screen", "taken"), ("Background check", "taken"),
    ("Physical exam", "taken"), ("HIPAA_training", "taken"), ("BLS card", None), ("Chest x-ray", "taken"),
]
UNRECOGNIZED = ["IMG_{n:04d}.jpg", "scan{n:04d}.pdf", "Document ({n}).pdf", "WhatsApp Image 2026-03-{d:02d} at 10.{m:02d}.jpeg",
                "notes-{n}.txt", "Screenshot {n}.png", "receipt-{n}.pdf", "misc/file{n}.pdf"]


def minimal_pdf(index):
    """A valid one-page PDF with no text layer, as a scan is (whatever the file's extension)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> >>"]
    out = b"%PDF-1.4\n% sample benchmark document " + str(index).encode() + b"\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return out


def content_for(path, index):
    """Small real content matching the extension: libmagic must agree with the name."""
    extension = os.path.splitext(path)[1].lower()
    if extension in (".jpg", ".jpeg"):
        return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    if extension == ".png":
        header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
        chunk = struct.pack(">I", len(header)) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
        return b"\x89PNG\r\n\x1a\n" + chunk
    if extension == ".txt":
        return b"notes " + str(index).encode() + b"\n"
    return minimal_pdf(index)


def folder(rng, count, out):
    """The current documents, then, as the folder grows: about 20% older versions under archive/
    and 80% files checkdocs must list as unrecognized (photos, scans, screenshots)."""
    os.makedirs(out, exist_ok=True)
    paths = CURRENT[:count]
    n = 0
    while len(paths) < count:
        n += 1
        if rng.random() < 0.2:
            stem, meaning = rng.choice(ARCHIVED)
            year = rng.randint(2015, 2025)
            date = f"{year + (5 if meaning == 'expires' else 0)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            name = f"archive/{year}/{stem}_{date} ({n}).pdf" if meaning else f"archive/{year}/{stem} ({n}).pdf"
        else:
            name = rng.choice(UNRECOGNIZED).format(n=n, d=rng.randint(1, 28), m=rng.randint(0, 59))
        paths.append(name)
    for index, path in enumerate(paths):
        os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(out, path), "wb") as handle:
            handle.write(content_for(path, index))
    facts = {
        "Passport_2033-01-09.pdf": "{type: passport, expires: \"2033-01-09\"}",
        "immunizations/TB_QuantiFERON_2026-11-02.pdf": "{result: negative}",
        "immunizations/MMR titers 2026-09-14.pdf": "{result: positive}",
        "immunizations/Varicella titer 2026-09-14.pdf": "{result: positive}",
        "immunizations/Hep B titer 2026-09-14.pdf": "{result: positive, value: 86, unit: mIU/mL}",
        "immunizations/COVID-19_vaccination_card.pdf": "{doses: [\"2021-09-01\", \"2021-10-06\"]}",
        "certificates/BLS card.pdf": "{type: bls, date: \"2026-02-20\", expires: \"2028-02-29\"}",
    }
    lines = ["# Generated by scripts/bench-corpus.py: a sample applicant for the benchmark.",
             "applicant:", "  name: Sample Applicant", "  status: student", "  yearOfStudy: 5",
             "  graduationDate: \"2027-12-15\"", "  citizenship: [IN]", "  usCitizenOrPermanentResident: false",
             "  visaClass: B-1", "  medicalSchool: {name: Sample Medical College, country: IN, instructionLanguage: en}",
             "  exams:", "    - {exam: usmle-step1, date: \"2025-06-10\", result: pass}",
             "    - {exam: usmle-step2ck, date: \"2026-05-02\", result: pass, score: 236}",
             "  englishTests: []", "documents:"]
    lines += [f"  {json.dumps(path)}: {value}" for path, value in facts.items() if path in paths]
    with open(os.path.join(out, "checkdocs.yaml"), "w") as handle:
        handle.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) < 4 or argv[1] not in ("programs", "folder"):
        sys.exit(__doc__)
    what, count, out = argv[1], int(argv[2]), argv[3]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 2026
    rng = random.Random(f"{seed}:{what}:{count}")
    if what == "folder":
        folder(rng, count, out)
        return
    os.makedirs(os.path.join(out, "xml"), exist_ok=True)
    os.makedirs(os.path.join(out, "json"), exist_ok=True)
    for index in range(count):
        document = program(rng, index)
        name = document["program"]["id"]
        with open(os.path.join(out, "xml", name + ".xml"), "w") as handle:
            handle.write(program_xml(document))
        with open(os.path.join(out, "json", name + ".json"), "w") as handle:
            json.dump(document, handle, indent=2)
            handle.write("\n")


if __name__ == "__main__":
    main(sys.argv)
