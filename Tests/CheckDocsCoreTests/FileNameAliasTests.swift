import Testing
@testable import CheckDocsCore

/// Names applicants give their files (the domain's list of aliases) classified to one type each,
/// as a folder is read: a longer alias inside a name wins over a shorter one in it
/// (docs/catalog.md, "Several matches"), so "insurance" alone is health insurance while
/// "certificate of insurance" stays malpractice.
@Suite struct FileNameAliasTests {
    @Test("each name is its one type", arguments: [
        ("insurance.pdf", "health_insurance"), ("Insurance policy.pdf", "health_insurance"), ("coverage.pdf", "health_insurance"),
        ("Malpractice insurance.pdf", "malpractice_insurance"), ("certificate of insurance.pdf", "malpractice_insurance"),
        ("liability insurance.pdf", "malpractice_insurance"),
        ("AHA_card.pdf", "bls"), ("AHA ACLS card.pdf", "acls"),
        ("letter_Dr_Smith.pdf", "lor"), ("Letter from Dr Nasser.pdf", "lor"),
        ("level1.pdf", "comlex"), ("Level 1 score report.pdf", "comlex"),
        ("Transcript_MBBS.pdf", "transcript"), ("MBBS marksheets.pdf", "transcript"), ("MBBS degree.pdf", "diploma"),
        ("COVID-19 vaccination card.pdf", "covid19"), ("Dean_letter_of_good_standing.pdf", "good_standing"),
        ("Step 1 transcript.pdf", "usmle_transcript"),
        // Spelled out, or a skin test's two steps, which are no USMLE Step (docs/catalog.md).
        ("Measles Mumps Rubella titers.pdf", "mmr"), ("Measles_Mumps_Rubella_2001-03-14_2005-09-02.pdf", "mmr"),
        ("PPD_step1_2026-10-20.pdf", "tb_ppd"), ("Mantoux step 2 2026-11-03.pdf", "tb_ppd"),
        ("Step I.pdf", "usmle_step1"), ("CV - T.B. Okafor.pdf", "cv"), ("ECFMG OET Medicine score report.pdf", "english_test"),
        ("Permanent registration certificate PMC.pdf", "medical_license"), ("Medical Council Registration Certificate.pdf", "medical_license"),
        // Step 2 CS is no Step 2 CK; a home internship's certificate is neither a diploma nor US experience.
        ("USMLE Step 2 CS 2019.pdf", "usmle_step2cs"), ("USMLE Step 2 CK 2024.pdf", "usmle_step2ck"),
        ("House job certificate.pdf", "internship_certificate"), ("Detailed marks certificate.pdf", "transcript"),
        // A step's number is not the day of the month after it.
        ("USMLE Step 1 Jan 2022.pdf", "usmle_step1"),
        // A dose number after "Hep B" is no B-1 visa: the match that starts first is kept.
        ("Hepatitis B 1st.pdf", "hepb"), ("Hep_B_1.pdf", "hepb"), ("Hep B1 2024-03-01.pdf", "hepb"), ("visa B1.pdf", "visa"),
        // Names used in the Philippines, India and Latin America.
        ("NBI_clearance.pdf", "background_check"), ("CoWIN_certificate.pdf", "covid19"), ("carnet_vacunacion.pdf", "immunization_record"),
        ("Cartilla de vacunacion.pdf", "immunization_record"),
        // An insurance word after a malpractice one names the same policy, not health insurance.
        ("Professional indemnity insurance.pdf", "malpractice_insurance"), ("Malpractice policy.pdf", "malpractice_insurance"),
        ("Liability insurance policy.pdf", "malpractice_insurance"),
        // A degree's abbreviation names the document it qualifies; alone, the diploma.
        ("MBBS attempt certificate.pdf", "attempt_certificate"), ("MBBS Internship Completion Certificate.pdf", "internship_certificate"),
        ("MBBS final year marks.pdf", "transcript"), ("MBBS bonafide certificate.pdf", "enrollment_verification"),
        ("MBBS.pdf", "diploma"), ("MBBS scan 2020.pdf", "diploma"), ("John Marks CV.pdf", "cv"),
    ])
    func classified(name: String, type: String) throws {
        let folder = try TemporaryFolder(files: [name])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(applicant.documents.map(\.type) == [type], "\(name): \(applicant.documents.map(\.type)), ambiguous \(applicant.ambiguous.map(\.candidates))")
    }

    @Test("a degree's abbreviation beside words of another document, or a school-leaving mark sheet, is left unrecognized", arguments: [
        "MBBS character certificate.pdf", "MBBS migration certificate.pdf", "MBBS Rahul Sharma.pdf", "MBChB certificate.pdf",
        "Class 12 marksheet.pdf", "12th marksheet.pdf", "HSC marks memo.pdf", "SSC transcript.pdf",
    ])
    func unrecognizedNotDiploma(name: String) throws {
        let folder = try TemporaryFolder(files: [name])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(applicant.documents.isEmpty && applicant.unrecognized.count == 1, "\(name): \(applicant.documents.map(\.type))")
    }

    @Test("a name that means one document to some applicants and another to others is ambiguous, never the wrong type", arguments: [
        // English labs' rubeola is measles; Spanish and Portuguese rubéola is rubella.
        ("Rubeola IgG.pdf", ["measles", "rubella"]),
        // A medical council's registration certificate, or a school's.
        ("Registration certificate KMC.pdf", ["enrollment_verification", "medical_license"]),
        // A council's or a school's, whatever degree it names.
        ("MBBS registration certificate.pdf", ["enrollment_verification", "medical_license"]),
    ])
    func ambiguousAcrossUsage(name: String, types: [String]) throws {
        let folder = try TemporaryFolder(files: [name])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(applicant.documents.isEmpty && applicant.ambiguous.map(\.candidates) == [types], "\(name): \(applicant.documents.map(\.type))")
    }
}
