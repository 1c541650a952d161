import { describe, expect, it } from "vitest"
import { unsafeTextProblems, unsafeTextReason } from "./text.ts"

describe("unsafe text", () => {
  it("accepts any Unicode text, Vietnamese and emoji included", () => {
    for (const text of ["Nguyễn Văn An", "Hồ sơ 😀 đã nhận", "", "tab\tnewline\n"])
      expect(unsafeTextReason(text)).toBeUndefined()
  })
  it("refuses NUL and lone surrogates, each with its path", () => {
    const body = {
      applicant: { name: "An\u0000; DROP", address: "ok" },
      documents: [{ id: "ct01" }, { id: "x\uD800" }],
      summary: "\uDC00lone low",
      ["bad\u0000key"]: 1,
    }
    expect(unsafeTextProblems(body, "body").map((p) => p.path)).toEqual([
      "body.applicant.name",
      "body.documents[1].id",
      "body.summary",
      "body",
    ])
    expect(unsafeTextProblems({ a: "\uD83D\uDE00" })).toEqual([])
  })
})
