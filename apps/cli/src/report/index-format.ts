// The index report (motcua report index) as text for people, CSV for spreadsheets, JSON for tools; and the list of
// dossiers behind a number. Vietnamese first, English in brackets.
import type { DrilledDossier, IndexReport, ScopeIndex } from "@motcua/application"
import { type IndicatorScore, indicatorNames } from "@motcua/domain"

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

/** One row per scope and indicator: the total first, then each handling unit. */
export function formatIndexCsv(report: IndexReport): string {
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
  const rows = [report.total, ...(report.units.length <= 1 ? [] : report.units)].flatMap((scope) => [
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

export function formatDossiersCsv(rows: ReadonlyArray<DrilledDossier>): string {
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
  return [
    header,
    ...rows.map((r) => [
      r.code,
      r.procedureCode,
      r.agencyCode,
      r.unitCode,
      r.channel,
      r.receivedAt,
      r.appointmentAt,
      r.endedAt,
    ]),
  ]
    .map((r) => r.map(csvCell).join(","))
    .join("\n")
}
