import { describe, expect, it } from "vitest"
import { digitisedDocuments } from "./digitised.ts"

describe("digitisedDocuments: a dossier's document flags from its digitised papers", () => {
  it("marks a document with a record as digitised, and keeps one without a record as declared", () => {
    const out = digitisedDocuments(
      [{ id: "ct01" }, { id: "cho-o", reused: true }, { id: "portal-paper", digitised: true }],
      [{ documentId: "ct01", version: 1, source: "officer" }],
    )
    expect(out).toEqual([
      { id: "ct01", digitised: true },
      { id: "cho-o", reused: true },
      { id: "portal-paper", digitised: true },
    ])
  })

  it("reads the current (highest) version: a paper replaced by a counter scan is no longer the wallet's", () => {
    const wallet = { documentId: "cho-o", version: 1, source: "e-wallet" as const }
    expect(digitisedDocuments([{ id: "cho-o" }], [wallet])).toEqual([
      { id: "cho-o", digitised: true, fromEWallet: true },
    ])
    const replaced = digitisedDocuments(
      [{ id: "cho-o", fromEWallet: true }],
      [{ documentId: "cho-o", version: 2, source: "officer" }, wallet],
    )
    expect(replaced).toEqual([{ id: "cho-o", digitised: true }])
  })

  it("adds a required document recorded but not yet listed, after those listed", () => {
    expect(digitisedDocuments([{ id: "a" }], [{ documentId: "b", version: 1, source: "citizen" }])).toEqual([
      { id: "a" },
      { id: "b", digitised: true },
    ])
  })
})
