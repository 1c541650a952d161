import { describe, expect, it } from "vitest"
import { digitisedDocuments, unbackedFlags, withoutRecordFlags } from "./digitised.ts"

const here = { portal: false }

describe("digitisedDocuments: a dossier's document flags from its digitised papers", () => {
  it("marks a document with a record as digitised; one without a record carries no flag, whatever was declared", () => {
    const out = digitisedDocuments(
      [{ id: "ct01" }, { id: "cho-o", reused: true }, { id: "declared", digitised: true, fromEWallet: true }],
      [{ documentId: "ct01", version: 1, source: "officer" }],
      here,
    )
    expect(out).toEqual([{ id: "ct01", digitised: true }, { id: "cho-o", reused: true }, { id: "declared" }])
  })

  it("keeps the flags a dossier received from the national portal carries for the papers it digitised there", () => {
    const out = digitisedDocuments(
      [{ id: "portal-paper", digitised: true }, { id: "data-store", fromEWallet: true }, { id: "ct01" }],
      [{ documentId: "ct01", version: 1, source: "officer" }],
      { portal: true },
    )
    expect(out).toEqual([
      { id: "portal-paper", digitised: true },
      { id: "data-store", fromEWallet: true },
      { id: "ct01", digitised: true },
    ])
  })

  it("reads the current (highest) version: a paper replaced by a counter scan is no longer the wallet's", () => {
    const wallet = { documentId: "cho-o", version: 1, source: "e-wallet" as const }
    expect(digitisedDocuments([{ id: "cho-o" }], [wallet], here)).toEqual([
      { id: "cho-o", digitised: true, fromEWallet: true },
    ])
    const replaced = digitisedDocuments(
      [{ id: "cho-o", fromEWallet: true }],
      [{ documentId: "cho-o", version: 2, source: "officer" }, wallet],
      here,
    )
    expect(replaced).toEqual([{ id: "cho-o", digitised: true }])
  })

  it("adds a required document recorded but not yet listed, after those listed", () => {
    expect(digitisedDocuments([{ id: "a" }], [{ documentId: "b", version: 1, source: "citizen" }], here)).toEqual([
      { id: "a" },
      { id: "b", digitised: true },
    ])
  })
})

describe("unbackedFlags: declared flags the records do not give", () => {
  const recorded = digitisedDocuments(
    [{ id: "ct01" }, { id: "cho-o" }, { id: "other" }],
    [
      { documentId: "ct01", version: 1, source: "officer" },
      { documentId: "cho-o", version: 1, source: "e-wallet" },
    ],
    here,
  )

  it("names each true flag without a record, with its index", () => {
    expect(
      unbackedFlags(
        [
          { id: "other", digitised: true },
          { id: "ct01", digitised: true, fromEWallet: true },
          { id: "new", fromEWallet: true },
        ],
        recorded,
      ),
    ).toEqual([
      { index: 0, documentId: "other", flag: "digitised" },
      { index: 1, documentId: "ct01", flag: "fromEWallet" },
      { index: 2, documentId: "new", flag: "fromEWallet" },
    ])
  })

  it("finds nothing when the declared flags say what the records say, or are false, or absent", () => {
    expect(
      unbackedFlags(
        [
          { id: "ct01", digitised: true },
          { id: "cho-o", digitised: true, fromEWallet: true },
          { id: "other", digitised: false },
          { id: "new" },
        ],
        recorded,
      ),
    ).toEqual([])
  })

  it("withoutRecordFlags drops only the flags records give", () => {
    expect(withoutRecordFlags({ id: "a", digitised: true, fromEWallet: false, reused: true })).toEqual({
      id: "a",
      reused: true,
    })
  })
})
