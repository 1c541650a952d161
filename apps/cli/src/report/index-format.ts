// The index report (motcua report index) as text for people, CSV and an Excel workbook for spreadsheets, JSON for
// tools; and the list of dossiers behind a number. Vietnamese first, English in brackets.
import type { DrilledDossier, IndexReport, ScopeIndex } from "@motcua/application"
import { type IndicatorScore, indicatorNames } from "@motcua/domain"
import type { Cell, Sheet } from "./xlsx.ts"

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2))
const percent = (ratio: number | null, tracked: boolean) =>
  ratio === null ? "—" : tracked && ratio > 1 ? ratio.toFixed(2) : `${(ratio * 100).toFixed(2)}%`

function table(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  numeric: ReadonlyArray<boolean>,
): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const cell = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0))
  const line = (cells: ReadonlyArray<string>) => cells.map(cell).join("  ").trimEnd()
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)]
}

const basisNote: Record<IndicatorScore["basis"], string> = {
  counts: "",
  "no-denominator": "không có mẫu số (no denominator)",
  "previous-year": "theo năm trước (previous year)",
}

function indicatorRows(scope: ScopeIndex): string[] {
  const rows = scope.index.groups.flatMap((g) =>
    g.indicators.map((s) => [
      s.id,
      indicatorNames[s.id].name,
      number(s.numerator),
      number(s.denominator),
      percent(s.ratio, s.tracked),
      s.tracked ? "theo dõi" : `${number(s.score)}/${number(s.max)}`,
      basisNote[s.basis],
    ]),
  )
  const missing = scope.index.missing.map((id) => [id, indicatorNames[id].name, "—", "—", "—", "thiếu (missing)", ""])
  return table(
    ["chỉ số", "tên (name)", "tử số", "mẫu số", "tỷ lệ", "điểm", "ghi chú"],
    [...rows, ...missing],
    [false, false, true, true, true, true, false],
  )
}

export function formatIndexTable(report: IndexReport): string {
  const total = report.total
  const groups = total.index.groups
  return [
    `Chỉ số chất lượng phục vụ (Quyết định 766) — kỳ (period) ${report.period.label} (${report.period.from} → ${report.period.to}, không gồm ngày cuối), quy tắc (rules): ${report.rules}`,
    `${total.name}: ${number(total.index.total)}/${number(total.index.max)} điểm (points)`,
    ...groups.map((g) => `  ${g.name} (${g.nameEn}): ${number(g.score)}/${number(g.max)}`),
    "",
    `Chỉ số của ${total.name} (indicators)`,
    ...indicatorRows(total),
    ...(report.notHeld.length === 0
      ? []
      : ["", "Chưa có số liệu (not held):", ...report.notHeld.map((n) => `  ${n.id}: ${n.reason}`)]),
    ...(report.units.length <= 1
      ? []
      : [
          "",
          "Theo đơn vị xử lý (by handling unit)",
          ...table(
            ["mã", "tên (name)", "tổng", ...groups.map((g) => g.id)],
            report.units.map((u) => [
              u.code,
              u.name,
              number(u.index.total),
              ...u.index.groups.map((g) => number(g.score)),
            ]),
            [false, false, true, ...groups.map(() => true)],
          ),
        ]),
    ...(report.unreadable.length === 0
      ? []
      : ["", `Hồ sơ không đọc được, không tính (unreadable, left out): ${report.unreadable.join(", ")}`]),
  ].join("\n")
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per scope and indicator: the total first, then each handling unit (the CSV and the workbook's rows). */
function formatIndexCsvRows(report: IndexReport): { header: string[]; rows: Cell[][] } {
  const header = [
    "period",
    "scope",
    "code",
    "name",
    "group",
    "indicator",
    "numerator",
    "denominator",
    "ratio",
    "score",
    "max",
    "basis",
  ]
  const rows = [report.total, ...(report.units.length <= 1 ? [] : report.units)].flatMap((scope): Cell[][] => [
    ...scope.index.groups.flatMap((g) =>
      g.indicators.map((s) => [
        report.period.label,
        scope.key,
        scope.code,
        scope.name,
        g.id,
        s.id,
        s.numerator,
        s.denominator,
        s.ratio,
        s.score,
        s.max,
        s.basis,
      ]),
    ),
    ...scope.index.missing.map((id) => [
      report.period.label,
      scope.key,
      scope.code,
      scope.name,
      "",
      id,
      null,
      null,
      null,
      null,
      null,
      "missing",
    ]),
  ])
  return { header, rows }
}

/** One row per scope and indicator: the total first, then each handling unit. */
export function formatIndexCsv(report: IndexReport): string {
  const { header, rows } = formatIndexCsvRows(report)
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")
}

export function formatDossiersTable(which: string, rows: ReadonlyArray<DrilledDossier>): string {
  return [
    `Hồ sơ (dossiers): ${which} — ${rows.length}`,
    ...table(
      ["mã hồ sơ", "thủ tục", "đơn vị", "kênh", "tiếp nhận", "hẹn trả", "kết thúc"],
      rows.map((r) => [
        r.code,
        r.procedureCode,
        r.unitCode ?? r.agencyCode,
        r.channel,
        r.receivedAt,
        r.appointmentAt ?? "—",
        r.endedAt ?? "—",
      ]),
      [false, false, false, false, false, false, false],
    ),
  ].join("\n")
}

function dossiersCsvRows(rows: ReadonlyArray<DrilledDossier>): { header: string[]; rows: Cell[][] } {
  const header = [
    "code",
    "procedureCode",
    "agencyCode",
    "unitCode",
    "channel",
    "receivedAt",
    "appointmentAt",
    "endedAt",
  ]
  return {
    header,
    rows: rows.map((r) => [
      r.code,
      r.procedureCode,
      r.agencyCode,
      r.unitCode,
      r.channel,
      r.receivedAt,
      r.appointmentAt,
      r.endedAt,
    ]),
  }
}

export function formatDossiersCsv(rows: ReadonlyArray<DrilledDossier>): string {
  const csv = dossiersCsvRows(rows)
  return [csv.header, ...csv.rows].map((r) => r.map(csvCell).join(",")).join("\n")
}

/**
 * The index as a workbook (`--format xlsx`): "Tổng điểm" the total and groups of each scope, "Chỉ số" one row per
 * scope and indicator (the CSV's rows, numbers as numbers), "Chưa có số liệu" what the report does not hold.
 */
export function indexWorkbook(report: IndexReport): Sheet[] {
  const scopes = [report.total, ...(report.units.length <= 1 ? [] : report.units)]
  const groupIds = report.total.index.groups.map((g) => g.id)
  const csv = formatIndexCsvRows(report)
  return [
    {
      name: "Tổng điểm",
      columns: [
        { header: "kỳ (period)", width: 10 },
        { header: "phạm vi (scope)", width: 24 },
        { header: "mã (code)", width: 16 },
        { header: "tên (name)", width: 36 },
        { header: "tổng (total)", width: 12 },
        { header: "tối đa (max)", width: 12 },
        ...groupIds.map((id) => ({ header: `nhóm ${id}`, width: 12 })),
      ],
      rows: scopes.map((s) => [
        report.period.label,
        s.key,
        s.code,
        s.name,
        s.index.total,
        s.index.max,
        ...s.index.groups.map((g) => g.score),
      ]),
    },
    {
      name: "Chỉ số",
      columns: csv.header.map((header) => ({ header, width: header === "name" ? 36 : 14 })),
      rows: csv.rows,
    },
    {
      name: "Chưa có số liệu",
      columns: [
        { header: "chỉ số (indicator)", width: 16 },
        { header: "lý do (reason)", width: 100 },
      ],
      rows: [
        ...report.notHeld.map((n) => [n.id, n.reason]),
        ...report.unreadable.map((code) => [code, "hồ sơ không đọc được, không tính (unreadable, left out)"]),
      ],
    },
  ]
}

/** The dossiers behind a number as a workbook: one sheet, the CSV's columns. */
export function dossiersWorkbook(rows: ReadonlyArray<DrilledDossier>): Sheet[] {
  const csv = dossiersCsvRows(rows)
  return [{ name: "Hồ sơ", columns: csv.header.map((header) => ({ header, width: 26 })), rows: csv.rows }]
}
