#!/usr/bin/env python3
"""Deterministic benchmark corpus for checkdocs (standard library only).

  bench-corpus.py programs N OUT [--seed S]   N program descriptions, as OUT/xml/*.xml and OUT/json/*.json
  bench-corpus.py folder M OUT [--seed S]     an applicant folder of M files with a checkdocs.yaml

Each program extends a standard checklist and adds, replaces, removes and tightens requirements
(windows, alternatives, titers, seasons, validity) and eligibility rules: about 20 requirements
once resolved, about 3 KB of XML. The XML and JSON twins say the same thing (the JSON mapping of
docs/format.md). Same arguments and seed, same bytes.
"""
import json
import os
import random
import sys
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


# --- the same program in XML (the mapping of docs/format.md) -------------------------------------

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

FOLDER_TYPES = [  # (file-name stem, date kind): a date in the name is "taken" or "expires"
    ("CV", None), ("Photo", None), ("Passport", "expires"), ("Visa", "expires"), ("Diploma", None),
    ("Transcript", None), ("LoR - Dr {n}", None), ("Personal statement", None), ("TB_QuantiFERON", "taken"),
    ("MMR titer", "taken"), ("Varicella titer", "taken"), ("Tdap", "taken"), ("Flu_vaccine", "taken"),
    ("COVID-19 card", None), ("HIPAA_training", "taken"), ("OSHA certificate", "taken"), ("BLS card", None),
    ("Health insurance", "expires"), ("Malpractice insurance", "expires"), ("Background check", "taken"),
    ("Drug screen", "taken"), ("Physical exam", "taken"), ("USMLE Step 1", "taken"), ("Good standing letter", None),
    ("scan{n}", None), ("IMG_{n}", None),
]
SUBFOLDERS = ["", "immunizations/", "certificates/", "letters/", "education/", "misc/"]


def folder(rng, count, out):
    os.makedirs(out, exist_ok=True)
    described = []
    for n in range(count):
        stem, date_kind = FOLDER_TYPES[n % len(FOLDER_TYPES)]
        name = stem.format(n=n)
        if date_kind == "taken":
            name += f"_2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
        elif date_kind == "expires":
            name += f"_{rng.randint(2027, 2033)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if n >= len(FOLDER_TYPES):
            name += f" ({n})"
        path = SUBFOLDERS[n % len(SUBFOLDERS)] + name + rng.choice([".pdf", ".pdf", ".jpg", ".png"])
        os.makedirs(os.path.join(out, os.path.dirname(path)) or out, exist_ok=True)
        with open(os.path.join(out, path), "wb") as handle:
            handle.write(b"%PDF-1.4\n% sample benchmark document " + str(n).encode() + b"\n%%EOF\n")
        if stem.startswith(("TB_", "MMR", "Varicella")) and len(described) < 50:
            described.append((path, "negative" if stem.startswith("TB_") else "positive"))
    lines = ["# Generated by scripts/bench-corpus.py: a sample applicant for the benchmark.",
             "applicant:", "  name: Sample Applicant", "  status: student", "  yearOfStudy: 5",
             "  graduationDate: \"2027-12-15\"", "  citizenship: [IN]", "  usCitizenOrPermanentResident: false",
             "  visaClass: B-1", "  medicalSchool: {name: Sample Medical College, country: IN, instructionLanguage: en}",
             "  exams:", "    - {exam: usmle-step1, date: \"2025-06-10\", result: pass}",
             "    - {exam: usmle-step2ck, date: \"2026-05-02\", result: pass, score: 236}",
             "  englishTests: []", "documents:"]
    for path, result in described:
        lines.append(f"  {json.dumps(path)}: {{result: {result}}}")
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
