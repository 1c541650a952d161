// The workbook writer on its own: what SheetJS (an independent reader) reads back — text with Vietnamese and XML's
// special characters, numbers as numbers, empty cells, many columns — and the inputs it refuses.
import { describe, expect, it } from "vitest"
import * as XLSX from "xlsx"
import { columnName, writeXlsx } from "./xlsx.ts"

describe("writeXlsx", () => {
  it("writes cells a spreadsheet reader reads back exactly", () => {
    const wide = Array.from({ length: 30 }, (_, i) => i * 1.5)
    const bytes = writeXlsx([
      {
        name: "Chỉ số",
        columns: [{ header: "tên" }, { header: "số" }, { header: "trống" }],
        rows: [
          ['Phường Hồng Gai & <Bãi Cháy> "x"', 12.25, null],
          ["tab\there\u0001", -3, "z"],
        ],
      },
      { name: "Rộng", columns: wide.map((_, i) => ({ header: `c${i}` })), rows: [wide] },
    ])
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]) // a zip
    const book = XLSX.read(bytes, { type: "array" })
    expect(book.SheetNames).toEqual(["Chỉ số", "Rộng"])
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["Chỉ số"] as XLSX.WorkSheet, {
      header: 1,
      defval: null,
    })
    expect(rows).toEqual([
      ["tên", "số", "trống"],
      ['Phường Hồng Gai & <Bãi Cháy> "x"', 12.25, null],
      ["tab\there", -3, "z"],
    ])
    const sheet = book.Sheets["Rộng"] as XLSX.WorkSheet
    expect(sheet.AD2?.v).toBe(43.5)
    expect(sheet.AD2?.t).toBe("n")
    // the same input, the same bytes
    expect(writeXlsx([{ name: "a", columns: [{ header: "x" }], rows: [[1]] }])).toEqual(
      writeXlsx([{ name: "a", columns: [{ header: "x" }], rows: [[1]] }]),
    )
  })

  it("names columns as a spreadsheet does", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
  })

  it("refuses sheet names Excel refuses, duplicates, no sheet, and numbers that are not finite", () => {
    const one = (name: string) => [{ name, columns: [{ header: "x" }], rows: [] }]
    expect(() => writeXlsx(one("a/b"))).toThrow(/a\/b/)
    expect(() => writeXlsx(one("x".repeat(32)))).toThrow(RangeError)
    expect(() => writeXlsx(one(""))).toThrow(RangeError)
    expect(() => writeXlsx([...one("Trang"), ...one("trang")])).toThrow(/duplicate/)
    expect(() => writeXlsx([])).toThrow(/sheet/)
    expect(() => writeXlsx([{ name: "n", columns: [{ header: "x" }], rows: [[Number.NaN]] }])).toThrow(/B2|A2/)
  })
})
