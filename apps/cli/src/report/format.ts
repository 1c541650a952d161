// The report as text tables (for people) or JSON (for tools).
import type { Count, Report, Timeliness } from "./compute.ts"

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(2)}%`)

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

function countTable(title: string, keyHeader: string, counts: ReadonlyArray<Count>): string[] {
  return [
    "",
    title,
    ...table(
      [keyHeader, "tên (name)", "số hồ sơ"],
      counts.map((c) => [c.key, c.label, String(c.count)]),
      [false, false, true],
    ),
  ]
}

function timelinessLine(t: Timeliness): string {
  return `trước hạn (early) ${t.early}, đúng hạn (on time) ${t.onTime}, quá hạn (late) ${t.late}, đang giải quyết (pending) ${t.pending}, không tính (not counted) ${t.notCounted}`
}

export function formatTable(report: Report): string {
  const period =
    report.from === null && report.to === null ? "toàn bộ (all)" : `${report.from ?? "…"} → ${report.to ?? "…"}`
  return [
    `Báo cáo hồ sơ (dossier report) — kỳ (period): ${period}`,
    `Tổng số hồ sơ (total): ${report.total}`,
    `Tỷ lệ đúng hạn (on-time rate): ${percent(report.timeliness.onTimeRate)} — ${timelinessLine(report.timeliness)}`,
    `Thanh toán trực tuyến (online payment, QĐ 766): ${percent(report.onlinePayments.share)} — ${report.onlinePayments.paidOnline} / ${report.onlinePayments.paid} hồ sơ đã nộp phí (dossiers that paid)`,
    ...countTable("Theo trạng thái (by status)", "mã", report.byStatus),
    ...countTable("Theo đơn vị (by unit)", "mã", report.byUnit),
    ...countTable("Theo lĩnh vực (by field)", "mã", report.byField),
    "",
    "Theo tháng tiếp nhận (by month received)",
    ...table(
      ["tháng", "tiếp nhận", "trước hạn", "đúng hạn", "quá hạn", "đang xử lý", "không tính", "đúng hạn %"],
      report.byMonth.map((m) => [
        m.month,
        String(m.received),
        String(m.early),
        String(m.onTime),
        String(m.late),
        String(m.pending),
        String(m.notCounted),
        percent(m.onTimeRate),
      ]),
      [false, true, true, true, true, true, true, true],
    ),
  ].join("\n")
}

export const formatJson = (report: Report): string => JSON.stringify(report, null, 2)
