// The desk's list of a dossier's digitised papers: every required document in the catalogue's order, its versions
// newest first, a variant's own documents, and papers of documents the procedure no longer lists kept visible.
import { describe, expect, it } from "vitest"
import { type DigitisedPaper, type PaperHistory, paperRows, requiredDocumentsOf, shortHash } from "./papers.ts"

const paper = (documentId: string, version: number, sha256: string): DigitisedPaper => ({
  documentId,
  version,
  fileId: `file-${documentId}-${version}`,
  pages: version + 1,
  sha256,
  mediaType: "application/pdf",
  size: 1000,
  source: "officer",
  digitisedBy: "cb-hg-01",
  digitisedAt: `2026-12-0${version}T02:00:00.000Z`,
  intakePointId: "ttphcc-06685",
  unitCode: "06685",
  agencyCode: "ubnd-hg",
  walletEntryId: null,
})

const history = (documentId: string, name: string, versions: DigitisedPaper[]): PaperHistory => ({
  documentId,
  name,
  current: versions.at(-1) as DigitisedPaper,
  versions,
})

const procedure = {
  documents: [
    { id: "ct01", name: "Tờ khai CT01", nameEn: "Form CT01", mandatory: true },
    { id: "cho-o", name: "Giấy tờ chỗ ở", mandatory: false },
  ],
  variants: [
    { id: "no-list", name: "Dùng danh mục của thủ tục" },
    { id: "own", documents: [{ id: "to-khai-rieng", name: "Tờ khai riêng", mandatory: true }] },
  ],
}

describe("the desk's rows of digitised papers", () => {
  it("lists every required document in order, digitised or not, versions newest first", () => {
    const a = "a".repeat(64)
    const b = "B".repeat(64)
    const rows = paperRows(
      procedure.documents,
      [history("cho-o", "Giấy tờ chỗ ở", [paper("cho-o", 1, a), paper("cho-o", 2, b)])],
      "vi",
    )
    expect(
      rows.map((r) => [r.documentId, r.name, r.mandatory, r.current?.version, r.versions.map((v) => v.version)]),
    ).toEqual([
      ["ct01", "Tờ khai CT01", true, undefined, []],
      ["cho-o", "Giấy tờ chỗ ở", false, 2, [2, 1]],
    ])
    expect(rows[1]?.current?.sha256).toBe(b)
  })

  it("names documents in English when the page is, falling back to the Vietnamese name", () => {
    expect(paperRows(procedure.documents, [], "en").map((r) => r.name)).toEqual(["Form CT01", "Giấy tờ chỗ ở"])
  })

  it("keeps a paper of a document the procedure no longer lists, after the listed ones", () => {
    const rows = paperRows(
      procedure.documents,
      [history("old-form", "Mẫu cũ", [paper("old-form", 1, "c".repeat(64))])],
      "vi",
    )
    expect(rows.map((r) => [r.documentId, r.name, r.mandatory, r.current?.version])).toEqual([
      ["ct01", "Tờ khai CT01", true, undefined],
      ["cho-o", "Giấy tờ chỗ ở", false, undefined],
      ["old-form", "Mẫu cũ", undefined, 1],
    ])
  })

  it("takes a variant's own documents, and the procedure's when the variant has none or is unknown", () => {
    expect(requiredDocumentsOf(procedure, "own").map((d) => d.id)).toEqual(["to-khai-rieng"])
    expect(requiredDocumentsOf(procedure, "no-list").map((d) => d.id)).toEqual(["ct01", "cho-o"])
    expect(requiredDocumentsOf(procedure, "gone").map((d) => d.id)).toEqual(["ct01", "cho-o"])
    expect(requiredDocumentsOf(procedure, undefined).map((d) => d.id)).toEqual(["ct01", "cho-o"])
  })

  it("shortens a hash to its first twelve hex digits, lower case", () => {
    expect(shortHash(`ABCDEF012345${"9".repeat(52)}`)).toBe("abcdef012345")
  })
})
