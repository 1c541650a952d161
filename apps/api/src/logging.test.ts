import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { MASKED, maskPersonalData, maskText, memoryLogger } from "./logging.ts"
import { postJson, testApp } from "./testing.test-support.ts"

describe("maskText", () => {
  test("keeps the last 3 digits of a 12-digit citizen ID", () => {
    expect(maskText("CCCD 022190001234 cấp ngày")).toBe("CCCD *********234 cấp ngày")
  })

  test("masks 9-digit old IDs, phone numbers in their usual spellings, and e-mails", () => {
    expect(maskText("CMND 142345678")).toBe("CMND *********")
    for (const phone of ["0912345678", "+84912345678", "84912345678", "0912 345 678", "091.234.5678", "02033825111"])
      expect(maskText(`gọi ${phone} nhé`), phone).toBe(`gọi ${MASKED} nhé`)
    expect(maskText("thư tới nguyen.van.a+hs@example.vn")).toBe(`thư tới ${MASKED}`)
  })

  test("leaves codes that are not personal alone", () => {
    for (const text of ["1.004222", "/api/v1/units/22225", "000.00.22.H49-261123-0001", "2025-12-01T03:00:00.000Z"])
      expect(maskText(text)).toBe(text)
  })

  test("writes what running every pattern writes, whether or not the text has a digit or an @ (the shortcut)", () => {
    // the four patterns as maskText runs them when the text has both a digit and an @
    const everyPattern = (text: string) =>
      text
        .replace(/(?<!\d)\d{9}(\d{3})(?!\d)/g, (_, last: string) => `*********${last}`)
        .replace(/(?<![\d+])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?!\d)/g, MASKED)
        .replace(/(?<!\d)\d{9}(?!\d)/g, "*********")
        .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, MASKED)
    const piece = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9 .+-]{0,14}$/),
      fc.stringMatching(/^[a-z0-9.+-]{1,8}@[a-z0-9-]{1,6}\.[a-z]{2,3}$/),
      fc.constantFrom(
        "0912345678",
        "+84 912 345 678",
        "022190001234",
        "142345678",
        "a@b.vn",
        "@",
        "x@",
        crypto.randomUUID(),
      ),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const text = pieces.join(" ")
        expect(maskText(text)).toBe(everyPattern(text))
      }),
      { numRuns: 3_000 },
    )
  })
})

describe("maskPersonalData", () => {
  test("masks named personal fields anywhere, and `name` only inside a person", () => {
    const masked = maskPersonalData({
      procedure: { code: "1.001193", name: "Đăng ký khai sinh" },
      applicant: {
        name: "Nguyễn Văn A",
        fullName: "Nguyễn Văn A",
        idNumber: "022190001234",
        dateOfBirth: "1990-01-02",
      },
      representatives: [{ name: "Trần Thị B", address: "Số 1 Hạ Long", phone: "0912345678", email: "b@x.vn" }],
      note: "liên hệ 0912345678, CCCD 022190001234",
      count: 3,
      id: 142345678,
    })
    expect(masked).toEqual({
      procedure: { code: "1.001193", name: "Đăng ký khai sinh" },
      applicant: { name: MASKED, fullName: MASKED, idNumber: MASKED, dateOfBirth: MASKED },
      representatives: [{ name: MASKED, address: MASKED, phone: MASKED, email: MASKED }],
      note: `liên hệ ${MASKED}, CCCD *********234`,
      count: 3,
      id: "*********",
    })
  })

  test("survives cycles and errors", () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(maskPersonalData(cyclic)).toEqual({ a: 1, self: "[…]" })
    expect(maskPersonalData(new Error("CCCD 022190001234"))).toEqual({ name: "Error", message: "CCCD *********234" })
  })
})

describe("request logs", () => {
  test("one JSON line per request with the required fields", async () => {
    const { app, logger } = testApp()
    await app.request("/api/v1/units?kind=ward")
    expect(logger.lines).toHaveLength(1)
    const line = JSON.parse(logger.lines[0] as string)
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      path: "/api/v1/units",
      status: 200,
      requestId: "test-1",
      time: "2025-12-01T03:00:00.000Z",
    })
    expect(typeof line.durationMs).toBe("number")
  })

  test("a request carrying personal data everywhere leaves none of it in the logs", async () => {
    const { app, logger } = testApp()
    const personal = ["022190001234", "0912345678", "Nguyễn Văn A", "Số 8 Lê Thánh Tông", "a@example.vn", "142345678"]
    await app.request(
      "/api/v1/fee-quotes?fullName=Nguy%E1%BB%85n%20V%C4%83n%20A&phone=0912345678",
      postJson(
        {
          procedureCode: "022190001234",
          channel: "0912345678",
          applicant: { name: "Nguyễn Văn A", address: "Số 8 Lê Thánh Tông", email: "a@example.vn" },
          applicantCategories: ["142345678"],
        },
        { "x-request-id": "022190001234" },
      ),
    )
    await app.request("/api/v1/procedures/022190001234?on=0912345678")
    await app.request("/api/v1/units/0912345678")
    await app.request(`/api/v1/${encodeURIComponent("Nguyễn Văn A")}/142345678`)
    const all = logger.lines.join("\n")
    expect(logger.lines).toHaveLength(4)
    for (const value of personal) expect(all).not.toContain(value)
    expect(all).not.toContain(encodeURIComponent("Nguyễn"))
    expect(logger.lines.map((l) => JSON.parse(l).path)).toEqual([
      "/api/v1/fee-quotes",
      "/api/v1/procedures/*********234",
      "/api/v1/units/***",
      "/api/v1/…/*********",
    ])
  })
})

describe("the request line", () => {
  // Built without the generic walk: it must be exactly what `log` writes (through `maskPersonalData`) for the
  // same fields, personal numbers anywhere in them included.
  const digits = fc.stringMatching(/^[0-9 .+-]{0,16}$/)
  const text = fc.oneof(fc.string(), digits, fc.constantFrom("0912345678", "012345678901", "a@b.vn", "123456789"))
  const parts = fc.array(fc.oneof(text, digits), { maxLength: 4 }).map((xs) => xs.join("/"))
  test("is the line `log` would write for the same fields", () => {
    fc.assert(
      fc.property(
        fc.record({
          level: fc.constantFrom("info", "warn", "error") as fc.Arbitrary<"info" | "warn" | "error">,
          method: fc.oneof(fc.constantFrom("GET", "POST"), text),
          path: parts,
          status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.constant(912345678)),
          durationMs: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(123456789012)),
          requestId: fc.oneof(fc.uuid(), text),
        }),
        ({ level, ...fields }) => {
          const at = () => new Date("2026-12-04T00:00:00Z")
          const direct = memoryLogger(at)
          const walked = memoryLogger(at)
          direct.request(level, fields)
          walked.log(level, "request", fields)
          expect(direct.lines).toEqual(walked.lines)
        },
      ),
    )
  })
})
