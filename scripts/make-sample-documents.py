#!/usr/bin/env python3
"""Generate the sample applicant documents under samples/applicants/.

Every file is a small, valid stand-in for a scan: a one-page PDF (hand-written objects, standard
Helvetica font) whose text says it is a SAMPLE and states the facts checkdocs is meant to read from
the file name or the folder's checkdocs.yaml, or a 375 x 525 px photo (PNG via zlib, or a baseline
grayscale JPEG written by hand). All people, schools, laboratories and numbers are fictional.

Standard library only. The output is deterministic: running the script twice writes the same bytes
(no timestamps, fixed ordering, fixed compression level). Every file stays under 4 KB.

Usage: python3 scripts/make-sample-documents.py [--check]
  --check  verify that the files on disk are exactly what the script would write (exit 1 if not).
"""
import os
import struct
import sys
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "samples", "applicants")
MAX_BYTES = 4096
BANNER = "SAMPLE \u2014 not a real document \u2014 generated for checkdocs tests"

# ----------------------------------------------------------------------------------------------
# The documents. Each entry: (folder, path relative to the folder, title, body lines).
# A path ending in .png or .jpg is a photo; everything else is a one-page PDF.
# ----------------------------------------------------------------------------------------------

READY = "ready"
MISSING = "missing-items"
EXPIRED = "expired-and-ineligible"
NEWCOMER = "newcomer"
# Three applicants choosing rotations with `checkdocs pick` (docs/pick.md).
PICK_STUDENT = "pick-student"
PICK_RECENT = "pick-recent-graduate"
PICK_OLDER = "pick-older-graduate"

PEOPLE = {
    READY: "Abena Kyerewaa Boadu",
    MISSING: "Rohan Vinayak Kulkarni",
    EXPIRED: "Layla Mariam Haddad",
    NEWCOMER: "Chiamaka Ifeoma Okafor",
    PICK_STUDENT: "Tomas Andres Villalobos",
    PICK_RECENT: "Mei Ling Tan",
    PICK_OLDER: "Oluwaseun Adebayo Bello",
}
SCHOOLS = {
    READY: "Cape Coast Riverside School of Medicine (fictional), Ghana - instruction in English",
    MISSING: "Western Ghats Institute of Medical Sciences (fictional), India - instruction in English",
    EXPIRED: "Northern Highlands University Faculty of Medicine (fictional), Jordan - instruction in English",
    NEWCOMER: "Lagoon Coast College of Medicine (fictional), Nigeria - instruction in English",
    PICK_STUDENT: "Andes Valley School of Medicine (fictional), Chile - instruction in Spanish",
    PICK_RECENT: "Straits Medical College (fictional), Malaysia - instruction in English",
    PICK_OLDER: "Savannah University College of Medicine (fictional), Nigeria - instruction in English",
}
LAB = "Sample Diagnostics Laboratory (fictional)"

DOCUMENTS = [
    # ---------------------------------------------------------------- pick-student
    (PICK_STUDENT, "CV_2026.pdf", "Curriculum Vitae", ["Final-year medical student (year 6 of 6)."]),
    (PICK_STUDENT, "Passport_bio_page.pdf", "Passport - biographical data page", ["Nationality: Chile (sample)."]),
    (PICK_STUDENT, "Transcript_2026-11-02.pdf", "Official transcript", ["Years 1-5 complete; year 6 in progress."]),
    (PICK_STUDENT, "Good_standing_letter_2026-11-02.pdf", "Letter of good standing", ["Office of the Dean. Signed, on letterhead."]),
    (PICK_STUDENT, "Step1 score report.pdf", "USMLE Step 1 score report", ["Test date: 2026-05-14. Outcome: PASS (pass/fail only)."]),
    (PICK_STUDENT, "TOEFL_iBT_score_report_2026-03-20.pdf", "TOEFL iBT score report", ["Total 106: reading 27, listening 27, speaking 25, writing 27."]),
    (PICK_STUDENT, "immunizations/TB_QuantiFERON_2026-11-05.pdf", "QuantiFERON-TB Gold Plus (IGRA)", ["Collected 2026-11-05. Result: NEGATIVE.", LAB]),
    # ---------------------------------------------------------------- pick-recent-graduate
    (PICK_RECENT, "CV_2026.pdf", "Curriculum Vitae", ["MBBS 2026. House officer rotations planned."]),
    (PICK_RECENT, "Passport_bio_page.pdf", "Passport - biographical data page", ["Nationality: Malaysia (sample)."]),
    (PICK_RECENT, "US_visa_B1B2.pdf", "US visa (B1/B2)", ["Issued 2026-08-03, expires 2031-08-02."]),
    (PICK_RECENT, "MBBS_degree_certificate.pdf", "MBBS degree certificate", ["Conferred 2026-06-20."]),
    (PICK_RECENT, "Step1 score report.pdf", "USMLE Step 1 score report", ["Test date: 2025-04-10. Outcome: PASS (pass/fail only)."]),
    (PICK_RECENT, "Step 2 CK score report.pdf", "USMLE Step 2 CK score report", ["Test date: 2026-09-22. Outcome: PASS. Score: 244."]),
    (PICK_RECENT, "immunizations/TB_QuantiFERON_2026-11-10.pdf", "QuantiFERON-TB Gold Plus (IGRA)", ["Collected 2026-11-10. Result: NEGATIVE.", LAB]),
    # ---------------------------------------------------------------- pick-older-graduate
    (PICK_OLDER, "CV_2026.pdf", "Curriculum Vitae", ["MBBS 2012. General practice 2013-2025."]),
    (PICK_OLDER, "Passport_bio_page.pdf", "Passport - biographical data page", ["Nationality: Nigeria (sample)."]),
    (PICK_OLDER, "MBBS_degree_certificate.pdf", "MBBS degree certificate", ["Conferred 2012-07-14."]),
    (PICK_OLDER, "ECFMG_certificate.pdf", "ECFMG certificate", ["Issued 2025-11-03."]),
    (PICK_OLDER, "Medical_license.pdf", "Medical council registration", ["Full registration since 2013; current."]),
    # ---------------------------------------------------------------- ready
    (READY, "CV_2026.pdf", "Curriculum Vitae", [
        "Final-year medical student (year 6 of 6), expected graduation 2027-07-30.",
        "Research: sample abstract on rheumatic heart disease screening.",
    ]),
    (READY, "Photo_headshot.png", None, None),
    (READY, "Passport_bio_page.pdf", "Passport - biographical data page", [
        "Nationality: Ghana. Passport no. S0000001 (sample).",
        "Date of issue: 2022-05-20. Date of expiry: 2032-05-19.",
    ]),
    (READY, "US_visa_B1B2.pdf", "United States visa (visa foil)", [
        "Visa type/class: B1/B2. Entries: M. Issued: 2025-07-08. Expires: 2030-07-06.",
    ]),
    (READY, "AAMC_immunization_form_2026-11-05.pdf", "AAMC Standardized Immunization Form", [
        "Completed and signed by a licensed health care provider on 2026-11-05.",
        "MMR 2 doses; varicella 2 doses; hepatitis B 3 doses + quantitative anti-HBs;",
        "Tdap 2021-08-20; influenza 2026-10-12; TB: IGRA negative 2026-11-02.",
    ]),
    (READY, "Good_standing_letter_2026-11-10.pdf", "Letter of good standing", [
        "Office of the Dean, on school letterhead, signed and sealed, dated 2026-11-10.",
        "The student is in good academic standing and in the final year of study.",
    ]),
    (READY, "Transcript_2026-11-10.pdf", "Academic transcript", [
        "Issued by the Registrar on 2026-11-10. All core clerkships passed.",
    ]),
    (READY, "Step1 score report.pdf", "USMLE Step 1 score report", [
        "Test date: 2026-06-18. Outcome: PASS (Step 1 is reported pass/fail only).",
        "Report date: 2026-07-08.",
    ]),
    (READY, "TOEFL_iBT_score_report_2026-04-11.pdf", "TOEFL iBT score report", [
        "Test date: 2026-04-11. Reading 27, Listening 28, Speaking 25, Writing 28. Total 108.",
    ]),
    (READY, "Emory visiting student registration form.pdf", "Visiting student registration form", [
        "Host-specific registration form for Emory University School of Medicine electives.",
        "Completed and signed by the applicant on 2026-11-12.",
    ]),
    (READY, "Mask_fit_test_2026-10-05.pdf", "Respirator mask fit test record", [
        "N95 model: sample 1860. Result: PASS. Tested 2026-10-05 by the home school.",
    ]),
    (READY, "Background_check_2026-10-20.pdf", "Criminal background check", [
        "Criminal history and sex-offender registry search completed 2026-10-20: no records.",
    ]),
    (READY, "Drug_screen_2026-10-20.pdf", "10-panel urine drug screen", [
        "Collected 2026-10-20. Result: NEGATIVE for all 10 panels.",
    ]),
    (READY, "insurance/Health_insurance_certificate.pdf", "Certificate of health insurance", [
        "International student medical plan. Coverage USD 250,000.",
        "Issued 2026-11-15. Valid from 2027-01-01 to 2027-12-31.",
    ]),
    (READY, "insurance/Malpractice_COI.pdf", "Certificate of professional liability insurance", [
        "Medical student liability: USD 1,000,000 per incident / USD 3,000,000 aggregate.",
        "Issued 2026-11-10. Policy period to 2027-06-30.",
    ]),
    (READY, "immunizations/TB_QuantiFERON_2026-11-02.pdf", "QuantiFERON-TB Gold Plus (IGRA)", [
        "Collected 2026-11-02. Result: NEGATIVE.", LAB,
    ]),
    (READY, "immunizations/MMR_vaccination_record.pdf", "MMR vaccination record", [
        "MMR dose 1: 2001-03-14. MMR dose 2: 2005-09-02.",
    ]),
    (READY, "immunizations/MMR titers 2026-09-14.pdf", "Measles, mumps, rubella IgG titers", [
        "Collected 2026-09-14. Measles IgG POSITIVE; mumps IgG POSITIVE; rubella IgG POSITIVE.", LAB,
    ]),
    (READY, "immunizations/Varicella_vaccine_record.pdf", "Varicella vaccination record", [
        "Varicella dose 1: 2002-06-10. Varicella dose 2: 2006-06-12.",
    ]),
    (READY, "immunizations/HepB_vaccine_series.pdf", "Hepatitis B vaccination record", [
        "Dose 1: 2000-01-15. Dose 2: 2000-02-15. Dose 3: 2000-07-15.",
    ]),
    (READY, "immunizations/Anti-HBs titer 2026-09-14.pdf", "Hepatitis B surface antibody (anti-HBs)", [
        "Collected 2026-09-14. Result: 86 mIU/mL (quantitative). Immune (>= 10 mIU/mL).", LAB,
    ]),
    (READY, "immunizations/Tdap_2021-08-20.pdf", "Tdap vaccination record", [
        "Tdap (Boostrix) given 2021-08-20.",
    ]),
    (READY, "immunizations/Flu_vaccine_2026-10-12.pdf", "Influenza vaccination record", [
        "Seasonal influenza vaccine 2026-2027 given 2026-10-12.",
    ]),
    (READY, "immunizations/COVID-19_vaccination_card.pdf", "COVID-19 vaccination card", [
        "Doses: 2021-09-01, 2021-10-06, booster 2023-11-20.",
    ]),
    (READY, "certificates/BLS_card_AHA.pdf", "BLS Provider eCard - American Heart Association", [
        "Issue date: 2026-02-20. Recommended renewal date: 2028-02.",
    ]),
    (READY, "certificates/HIPAA_training_2026-09-01.pdf", "HIPAA privacy and security training certificate", [
        "Completed 2026-09-01.",
    ]),
    (READY, "certificates/OSHA_universal_precautions_2026-09-01.pdf", "OSHA universal precautions training", [
        "Completed 2026-09-01. Valid until 2027-08-31.",
    ]),

    # ---------------------------------------------------------------- missing-items
    (MISSING, "CV_Rohan_Kulkarni_2026.pdf", "Curriculum Vitae", [
        "MBBS 2024. Internship completed 2024. Research assistant, nephrology, 2025-2026.",
    ]),
    (MISSING, "ERAS_photo.jpg", None, None),
    (MISSING, "Passport_bio_page.pdf", "Passport - biographical data page", [
        "Nationality: India. Passport no. Z0000002 (sample).",
        "Date of issue: 2023-01-10. Date of expiry: 2033-01-09.",
    ]),
    (MISSING, "Visa_B1B2.pdf", "United States visa (visa foil)", [
        "Visa type/class: B1/B2. Entries: M. Issued: 2025-03-18. Expires: 2035-03-16.",
    ]),
    (MISSING, "MBBS_degree_certificate.pdf", "Degree certificate - Bachelor of Medicine, Bachelor of Surgery", [
        "Conferred 2024-04-20. In English.",
    ]),
    (MISSING, "Medical_council_registration.pdf", "State medical council registration (medical license)", [
        "Registered 2024-05-02. Valid until 2029-05-01. In English.",
    ]),
    (MISSING, "Transcript_MBBS.pdf", "Medical school transcript (mark sheets)", [
        "All professional examinations passed, 2019-2024.",
    ]),
    (MISSING, "Step1 score report.pdf", "USMLE Step 1 score report", [
        "Test date: 2023-02-10. Outcome: PASS (pass/fail only).",
    ]),
    (MISSING, "Step 2 CK score report.pdf", "USMLE Step 2 CK score report", [
        "Test date: 2024-09-12. Outcome: PASS. Score: 238.",
    ]),
    (MISSING, "ECFMG_status_report_2026-11-20.pdf", "ECFMG Status Report", [
        "Generated 2026-11-20. ECFMG certified: yes. Step 1 pass; Step 2 CK pass; pathway met.",
    ]),
    (MISSING, "LoR - Dr Mehta.pdf", "Letter of recommendation - Dr A. Mehta (fictional)", [
        "Department of Medicine. On letterhead, signed, dated 2026-10-15.",
    ]),
    (MISSING, "LoR - Dr Fernandes.pdf", "Letter of recommendation - Dr L. Fernandes (fictional)", [
        "Transplant unit director. On letterhead, signed, dated 2026-10-28.",
    ]),
    (MISSING, "Personal statement - transplant observership.pdf", "Personal statement", [
        "Career goals in internal medicine and transplant nephrology (about 480 words).",
    ]),
    (MISSING, "Physician_letter_fit_to_observe_2026-11-18.pdf", "Letter from personal physician", [
        "Dated 2026-11-18: the applicant is free of communicable diseases.",
    ]),
    (MISSING, "HIPAA_certificate_2026-10-30.pdf", "HIPAA training certificate", [
        "Completed 2026-10-30.",
    ]),
    (MISSING, "immunizations/MMR titers 2024-06-11.pdf", "Measles, mumps, rubella IgG titers", [
        "Collected 2024-06-11. Measles, mumps and rubella IgG: all POSITIVE.", LAB,
    ]),
    (MISSING, "immunizations/Varicella titer 2024-06-11.pdf", "Varicella zoster IgG titer", [
        "Collected 2024-06-11. VZV IgG: POSITIVE.", LAB,
    ]),
    (MISSING, "immunizations/HepB_vaccine_series.pdf", "Hepatitis B vaccination record", [
        "Dose 1: 1998-07-01. Dose 2: 1998-08-01. Dose 3: 1999-01-04.",
    ]),
    (MISSING, "immunizations/Anti-HBs titer 2024-06-11.pdf", "Hepatitis B surface antibody (anti-HBs)", [
        "Collected 2024-06-11. Result: 112 mIU/mL (quantitative).", LAB,
    ]),
    (MISSING, "immunizations/Flu_shot_2026-10-22.pdf", "Influenza vaccination record", [
        "Seasonal influenza vaccine 2026-2027 given 2026-10-22.",
    ]),
    (MISSING, "immunizations/COVID-19_vaccination_certificate.pdf", "COVID-19 vaccination certificate", [
        "Doses: 2021-05-03, 2021-08-02.",
    ]),

    # ---------------------------------------------------------------- expired-and-ineligible
    (EXPIRED, "CV_2026.pdf", "Curriculum Vitae", [
        "Final-year medical student (year 6 of 6), expected graduation 2027-06-30.",
    ]),
    (EXPIRED, "Photo.jpg", None, None),
    (EXPIRED, "Passport_bio_page.pdf", "Passport - biographical data page", [
        "Nationality: Jordan. Passport no. N0000003 (sample).",
        "Date of issue: 2017-07-01. Date of expiry: 2027-06-30.",
    ]),
    (EXPIRED, "US_visa_B2.pdf", "United States visa (visa foil)", [
        "Visa type/class: B2 (tourist). Issued: 2025-09-10. Expires: 2030-09-08.",
    ]),
    (EXPIRED, "AAMC immunization form 2026-11-02.pdf", "AAMC Standardized Immunization Form", [
        "Completed and signed by a licensed health care provider on 2026-11-02.",
    ]),
    (EXPIRED, "Letter of good standing 2026-11-15.pdf", "Dean's letter of support / good standing", [
        "On school letterhead with seal and signature, dated 2026-11-15.",
        "Confirms final year of study; the school does not rank students.",
    ]),
    (EXPIRED, "Transcript_2026-11-15.pdf", "Academic transcript", [
        "Issued by the Registrar on 2026-11-15.",
    ]),
    (EXPIRED, "MSPE_2026-10-01.pdf", "Medical Student Performance Evaluation (Dean's letter)", [
        "Dated 2026-10-01, on letterhead, signed.",
    ]),
    (EXPIRED, "Step1 score report.pdf", "USMLE Step 1 score report", [
        "Test date: 2024-05-20. Outcome: PASS. No numeric score: Step 1 is pass/fail",
        "for all exams taken on or after 2022-01-26.",
    ]),
    (EXPIRED, "Step2CK score report.pdf", "USMLE Step 2 CK score report", [
        "Test date: 2026-08-14. Outcome: PASS. Score: 241.",
    ]),
    (EXPIRED, "ECFMG status report 2026-11-20.pdf", "ECFMG Status Report", [
        "Generated 2026-11-20. Step 1 pass; Step 2 CK pass. Not yet certified (student).",
    ]),
    (EXPIRED, "TOEFL_score_report_2025-11-08.pdf", "TOEFL iBT score report", [
        "Test date: 2025-11-08. Reading 26, Listening 27, Speaking 23, Writing 26. Total 102.",
    ]),
    (EXPIRED, "LoR - Dr Smith.pdf", "Letter of recommendation - Dr J. Smith (fictional)", [
        "Internal medicine faculty; observed clinical work. Letterhead, signed, 2026-09-30.",
    ]),
    (EXPIRED, "LoR - Dr Nasser.pdf", "Letter of recommendation - Dr R. Nasser (fictional)", [
        "Family medicine faculty. Letterhead, signed, 2026-10-05.",
    ]),
    (EXPIRED, "LoR - Dr Alvarez.pdf", "Letter of recommendation - Dr P. Alvarez (fictional)", [
        "Pediatrics faculty. Letterhead, signed, 2026-10-12.",
    ]),
    (EXPIRED, "Personal statement - Family Medicine.pdf", "Personal statement", [
        "Why family medicine (about 3,900 characters).",
    ]),
    (EXPIRED, "Background_check_2026-10-28.pdf", "Criminal background check", [
        "Criminal history and sex-offender registry search completed 2026-10-28: no records.",
    ]),
    (EXPIRED, "Drug_screen_2026-10-28.pdf", "10-panel urine drug screen", [
        "Collected 2026-10-28. Result: NEGATIVE.",
    ]),
    (EXPIRED, "scan0001.pdf", "Scanned page", [
        "Unlabelled scanner output; the page is a blurred copy of an unknown form.",
    ]),
    (EXPIRED, "insurance/Health_insurance_2027.pdf", "Certificate of health insurance", [
        "Issued 2026-11-20. Valid from 2027-01-01 to 2027-12-31. Coverage USD 100,000.",
    ]),
    (EXPIRED, "insurance/Malpractice certificate.pdf", "Certificate of professional liability insurance", [
        "USD 1,000,000 per incident / USD 3,000,000 aggregate. Issued 2026-11-20, to 2027-06-30.",
    ]),
    (EXPIRED, "immunizations/TB_QuantiFERON_2026-01-15.pdf", "QuantiFERON-TB Gold Plus (IGRA)", [
        "Collected 2026-01-15. Result: NEGATIVE.", LAB,
    ]),
    (EXPIRED, "immunizations/MMR_two_doses.pdf", "MMR vaccination record", [
        "MMR dose 1: 2000-04-02. MMR dose 2: 2004-09-14.",
    ]),
    (EXPIRED, "immunizations/Varicella_two_doses.pdf", "Varicella vaccination record", [
        "Varicella dose 1: 2001-05-10. Varicella dose 2: 2005-05-12.",
    ]),
    (EXPIRED, "immunizations/Hep B titer.pdf", "Hepatitis B surface antibody", [
        "Collected 2025-03-10. Result: POSITIVE (qualitative; no numeric value reported).", LAB,
    ]),
    (EXPIRED, "immunizations/Tdap_2022-03-03.pdf", "Tdap vaccination record", [
        "Tdap given 2022-03-03.",
    ]),
    (EXPIRED, "immunizations/Flu_shot_2025-10-15.pdf", "Influenza vaccination record", [
        "Seasonal influenza vaccine 2025-2026 given 2025-10-15.",
    ]),
    (EXPIRED, "immunizations/COVID-19 vaccination card.pdf", "COVID-19 vaccination card", [
        "Doses: 2021-07-12, 2021-08-09.",
    ]),
    (EXPIRED, "certificates/BLS_05-06-2026.pdf", "BLS Provider card", [
        "Card date printed as 05/06/2026 (day and month order not stated).",
    ]),
    (EXPIRED, "certificates/HIPAA_certificate_2026-09-20.pdf", "HIPAA training certificate", [
        "Completed 2026-09-20.",
    ]),
    (EXPIRED, "certificates/OSHA_training_2026-09-20.pdf", "OSHA bloodborne-pathogen and universal precautions training", [
        "Completed 2026-09-20. Valid until 2027-09-19.",
    ]),
    # ---------------------------------------------------------------- newcomer
    # A first run: no programs/ folder, no checkdocs.yaml, names as people write them
    # (month-only and year-only dates, "exp" before an expiry). Its passport, BLS card and
    # QuantiFERON report are scans, written by scripts/make-newcomer-scans.py.
    (NEWCOMER, "US visa B1B2.pdf", "United States visa (visa foil)", [
        "Visa type/class: B1/B2. Entries: M. Issued: 2026-02-10. Expires: 2031-02-08.",
    ]),
    (NEWCOMER, "CV Chiamaka Okafor.pdf", "Curriculum Vitae", [
        "MBBS graduate (2025). House officer year completed 2026.",
    ]),
    (NEWCOMER, "Photo.jpg", None, None),
    (NEWCOMER, "MBBS degree certificate.pdf", "Bachelor of Medicine, Bachelor of Surgery", [
        "Conferred 2025-07-18. Issued in English.",
    ]),
    (NEWCOMER, "Medical school transcript.pdf", "Academic transcript", [
        "Six years of study, 2019-2025. Issued in English.",
    ]),
    (NEWCOMER, "USMLE Step 1 score report.pdf", "USMLE Step 1 score report", [
        "Test date 2024-03-11. Outcome: PASS.",
    ]),
    (NEWCOMER, "USMLE Step 2 CK score report.pdf", "USMLE Step 2 CK score report", [
        "Test date 2025-10-02. Score: 238. Outcome: PASS.",
    ]),
    (NEWCOMER, "ECFMG certificate.pdf", "ECFMG certificate", [
        "Certified 2026-01-20 (sample).",
    ]),
    (NEWCOMER, "LoR - Dr Adeyemi.pdf", "Letter of recommendation - Dr T. Adeyemi (fictional)", [
        "Internal medicine faculty. Letterhead, signed, 2026-09-30.",
    ]),
    (NEWCOMER, "LoR - Dr Okonkwo.pdf", "Letter of recommendation - Dr E. Okonkwo (fictional)", [
        "Surgery faculty. Letterhead, signed, 2026-10-14.",
    ]),
    (NEWCOMER, "Personal statement - Internal Medicine.pdf", "Personal statement", [
        "Why internal medicine (about 3,800 characters).",
    ]),
    (NEWCOMER, "flu shot oct 2026.pdf", "Influenza vaccination record", [
        "Seasonal influenza vaccine 2026-2027 given in October 2026 (day not legible).",
    ]),
    (NEWCOMER, "MMR record.pdf", "MMR vaccination record", [
        "MMR dose 1: 1998-11-02. MMR dose 2: 2003-05-20.",
    ]),
    (NEWCOMER, "Varicella titer.pdf", "Varicella IgG", [
        "Collected 2026-08-03. Result: POSITIVE (immune).", LAB,
    ]),
    (NEWCOMER, "Hep B titer.pdf", "Hepatitis B surface antibody", [
        "Collected 2026-08-03. Anti-HBs 64 mIU/mL (reactive).", LAB,
    ]),
    (NEWCOMER, "Tdap 2024.pdf", "Tdap vaccination record", [
        "Tdap given 2024 (month and day not recorded).",
    ]),
    (NEWCOMER, "Health insurance exp Dec-2027.pdf", "Certificate of health insurance", [
        "Valid from 2026-12-01 to 2027-12-31. Coverage USD 250,000.",
    ]),
    (NEWCOMER, "COVID vaccination card.pdf", "COVID-19 vaccination card", [
        "Doses: 2021-09-06, 2021-10-04.",
    ]),
    (NEWCOMER, "HIPAA certificate 2026-10-30.pdf", "HIPAA training certificate", [
        "Completed 2026-10-30.",
    ]),
    (NEWCOMER, "scan0003.pdf", "Scanned page", [
        "Unlabelled scanner output; a faint copy of a pharmacy receipt.",
    ]),
]

# ----------------------------------------------------------------------------------------------
# PDF
# ----------------------------------------------------------------------------------------------


def pdf_string(text):
    """A PDF literal string in WinAnsiEncoding (cp1252), with ( ) \\ escaped."""
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def make_pdf(title, lines):
    """A minimal one-page US-letter PDF 1.4 with the given lines in Helvetica."""
    content = bytearray()
    content += b"BT\n/F1 16 Tf\n72 720 Td\n" + pdf_string(title) + b" Tj\n"
    content += b"/F1 10 Tf\n0 -22 Td\n14 TL\n" + pdf_string(BANNER) + b" Tj\n"
    for line in lines:
        content += b"T*\n" + pdf_string(line) + b" Tj\n"
    content += b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + bytes(content) + b"endstream",
        b"<< /Title " + pdf_string(title) + b" /Producer (checkdocs make-sample-documents.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# ----------------------------------------------------------------------------------------------
# Photos: a flat "headshot" silhouette, 375 x 525 px (2.5 x 3.5 in at 150 dpi, the ERAS size).
# ----------------------------------------------------------------------------------------------

WIDTH, HEIGHT = 375, 525


def silhouette(x, y):
    """0 = background, 1 = head, 2 = shoulders."""
    cx = WIDTH / 2
    if ((x - cx) / 78.0) ** 2 + ((y - 200) / 96.0) ** 2 <= 1.0:
        return 1
    if y >= 330 and abs(x - cx) <= 70 + (y - 330) * 0.9:
        return 2
    return 0


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def make_png():
    palette = [(214, 226, 240), (205, 160, 125), (44, 62, 92)]
    rows = bytearray()
    previous = None
    for y in range(HEIGHT):
        row = bytes(silhouette(x, y) for x in range(WIDTH))
        # Filter "Up" (2) for every row but the first: identical rows become runs of zeros.
        if previous is None:
            rows += b"\x00" + row
        else:
            rows += b"\x02" + bytes((a - b) & 0xFF for a, b in zip(row, previous))
        previous = row
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)  # 8-bit palette image
    plte = b"".join(bytes(c) for c in palette)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"PLTE", plte)
            + png_chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + png_chunk(b"IEND", b""))


# Baseline grayscale JPEG. Every 8x8 block is one flat gray level, so each block needs only its
# DC coefficient (the AC part is a single end-of-block code) and no DCT is computed.
DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]  # standard luminance DC table (ITU T.81 K.3)
DC_VALUES = list(range(12))


def huffman_codes(bits, values):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[values[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def write(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0x00)  # byte stuffing
                self.acc = 0
                self.n = 0

    def flush(self):
        while self.n:
            self.write(1, 1)  # pad with 1-bits
        return bytes(self.out)


def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def make_jpeg():
    levels = [222, 170, 52]  # background, head, shoulders (gray)
    dc_codes = huffman_codes(DC_BITS, DC_VALUES)
    ac_eob = (0, 1)  # AC table with a single symbol, 0x00 (EOB), code "0"
    bits = BitWriter()
    previous_dc = 0
    for by in range((HEIGHT + 7) // 8):
        for bx in range((WIDTH + 7) // 8):
            level = levels[silhouette(min(bx * 8 + 4, WIDTH - 1), min(by * 8 + 4, HEIGHT - 1))]
            dc = 8 * (level - 128)  # DC of a flat block with quantizer 1
            diff = dc - previous_dc
            previous_dc = dc
            size = abs(diff).bit_length()
            code, length = dc_codes[size]
            bits.write(code, length)
            if size:
                bits.write(diff if diff > 0 else diff + (1 << size) - 1, size)
            bits.write(*ac_eob)
    scan = bits.flush()
    out = bytearray(b"\xff\xd8")
    out += segment(0xE0, b"JFIF\x00\x01\x01\x01\x00\x96\x00\x96\x00\x00")  # 150 dpi
    out += segment(0xDB, b"\x00" + b"\x01" * 64)  # quantization table 0: all ones
    out += segment(0xC0, struct.pack(">BHHB", 8, HEIGHT, WIDTH, 1) + b"\x01\x11\x00")
    out += segment(0xC4, b"\x00" + bytes(DC_BITS) + bytes(DC_VALUES))
    out += segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    out += segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += scan + b"\xff\xd9"
    return bytes(out)


# ----------------------------------------------------------------------------------------------


def render(folder, title, lines, path):
    if path.endswith(".png"):
        return make_png()
    if path.endswith(".jpg"):
        return make_jpeg()
    body = ["Name: " + PEOPLE[folder], "School: " + SCHOOLS[folder]] + list(lines)
    return make_pdf(title, body)


def main(argv):
    check = "--check" in argv
    root = os.path.normpath(ROOT)
    problems = 0
    seen = set()
    for folder, path, title, lines in DOCUMENTS:
        key = (folder, path)
        if key in seen:
            raise SystemExit("duplicate document: %s/%s" % key)
        seen.add(key)
        data = render(folder, title, lines, path)
        if len(data) >= MAX_BYTES:
            raise SystemExit("%s/%s is %d bytes (limit %d)" % (folder, path, len(data), MAX_BYTES))
        target = os.path.join(root, folder, path)
        if check:
            try:
                with open(target, "rb") as f:
                    same = f.read() == data
            except OSError:
                same = False
            if not same:
                print("differs: %s/%s" % (folder, path))
                problems += 1
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
    if check:
        print("%d documents checked, %d differ" % (len(DOCUMENTS), problems))
        return 1 if problems else 0
    print("wrote %d documents under %s" % (len(DOCUMENTS), root))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
