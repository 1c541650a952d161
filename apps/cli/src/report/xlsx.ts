// A small Office Open XML (.xlsx) writer for the reports: sheets of plain cells — text as inline strings, numbers as
// numbers (so a spreadsheet sums and sorts them), empty cells left out — a bold header row frozen at the top, column
// widths. The package is a zip of a handful of XML parts (ECMA-376 part 1, SpreadsheetML), zipped with fflate.
//
// Why our own writer rather than a workbook library: what a report needs is ~100 lines over a zip library, while the
// full-featured one (exceljs) brings ~170 packages into the install; SheetJS's reader reads the files back in the
// tests (xlsx.test.ts), so the format is checked by an implementation that is not ours. The output is deterministic
// (fixed timestamps in the zip): the same report gives the same bytes.
import { strToU8, zipSync } from "fflate"

export type Cell = string | number | null

export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\`. */
  readonly name: string
  readonly columns: ReadonlyArray<{ readonly header: string; readonly width?: number }>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/u

/** Whether XML 1.0 can carry the character (tab, line breaks and everything from space up, but U+FFFE and U+FFFF). */
const xmlAllowed = (c: string) => {
  const code = c.charCodeAt(0)
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
}

/** XML 1.0 text: escaped, and without the control characters it cannot carry. */
const xmlText = (text: string) =>
  [...text]
    .filter(xmlAllowed)
    .join("")
    .replace(/[&<>"]/gu, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))

/** The column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = ""
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function cellXml(value: Cell, ref: string, style: number): string {
  if (value === null || value === "") return ""
  const s = style === 0 ? "" : ` s="${style}"`
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new RangeError(`ô ${ref}: số không hữu hạn (cell ${ref}: ${value} is not finite)`)
    return `<c r="${ref}"${s}><v>${value}</v></c>`
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`
}

function sheetXml(sheet: Sheet): string {
  const rows = [sheet.columns.map((c) => c.header), ...sheet.rows]
  const data = rows
    .map((row, r) => {
      const style = r === 0 ? 1 : 0
      return `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${columnName(c)}${r + 1}`, style)).join("")}</row>`
    })
    .join("")
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 14}" customWidth="1"/>`)
    .join("")
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    `<sheetData>${data}</sheetData></worksheet>`
  )
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

/** The workbook's bytes. Throws RangeError on a sheet name Excel refuses or a number that is not finite. */
export function writeXlsx(sheets: ReadonlyArray<Sheet>): Uint8Array {
  if (sheets.length === 0) throw new RangeError("bảng tính cần ít nhất một trang (a workbook needs a sheet)")
  const names = new Set<string>()
  for (const sheet of sheets) {
    if (sheet.name.length === 0 || sheet.name.length > 31 || SHEET_NAME_FORBIDDEN.test(sheet.name))
      throw new RangeError(`tên trang không hợp lệ (invalid sheet name): "${sheet.name}"`)
    if (names.has(sheet.name.toLowerCase())) throw new RangeError(`tên trang trùng (duplicate sheet): "${sheet.name}"`)
    names.add(sheet.name.toLowerCase())
  }
  const xml = (text: string) => strToU8(text)
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": xml(
      `${header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `</Types>`,
    ),
    "_rels/.rels": xml(
      `${header}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `</Relationships>`,
    ),
    "xl/workbook.xml": xml(
      `${header}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": xml(
      `${header}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    "xl/styles.xml": xml(STYLES),
  }
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = xml(sheetXml(sheet))
  })
  return zipSync(files, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") })
}
