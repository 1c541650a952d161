// motcua payments reconcile: the day's payments of every centre (or one) against what the ledger holds and, when
// given, the bank's statement as CSV. Each mismatch is printed with its reason; the exit code is 1 when anything does
// not match (a statement with problems included: every problem with its line and column, nothing compared).
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { PaymentSettings, reconcileCentre } from "@motcua/application"
import {
  centreOfAccount,
  formatDong,
  type Mismatch,
  parseStatementCsv,
  type ReconciliationReport,
  type StatementLine,
} from "@motcua/domain"
import { Effect, Layer } from "effect"
import { civilDate, commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { storageLayer } from "../database.ts"
import { loadDeployment } from "../deployment.ts"
import { type Io, say } from "../io.ts"
import { documentsDirOf, resolveSettings } from "../settings.ts"

const HELP = `Cách dùng (usage): motcua payments reconcile --date YYYY-MM-DD [--statement <tệp.csv>] [--centre <mã>]
                                             [--format table|json]

Đối chiếu thanh toán trong ngày (giờ Việt Nam) của từng trung tâm: yêu cầu thanh toán, khoản đã ghi nhận, khoản
đang giữ chờ cán bộ, thông báo bị từ chối, hoàn trả đã duyệt, và sao kê ngân hàng (CSV: transaction_id, booked_at,
account, amount, description; xem docs/integrations/payments.md). Mỗi chênh lệch được liệt kê với lý do; mã thoát
1 khi có chênh lệch hoặc sao kê có lỗi (mỗi lỗi kèm dòng và cột).
(Daily reconciliation per centre; exit 1 when anything does not match.)
  --date        ngày đối chiếu (the day), bắt buộc
  --statement   sao kê ngân hàng CSV (the bank statement)
  --centre      chỉ một trung tâm, vd. ttphcc-06685 (one centre only)
  --format      table (mặc định) hoặc json${COMMON_HELP}`

/** A statement line of an account no centre has: money the reconciliation cannot place. */
const strayLine = (line: StatementLine): Mismatch => ({
  kind: "credit-not-confirmed",
  reason: `Tài khoản ${line.accountNumber} không phải tài khoản thu của trung tâm nào / not a centre's account`,
  transactionId: line.transactionId,
  amount: line.amount,
  line: line.line,
})

const hasActivity = (r: ReconciliationReport) =>
  r.matched > 0 ||
  r.mismatches.length > 0 ||
  r.pendingRefunds.length > 0 ||
  Object.keys(r.totals.confirmed).length > 0 ||
  r.totals.held + r.totals.rejected + r.totals.duplicates > 0

function table(reports: ReadonlyArray<ReconciliationReport>, stray: ReadonlyArray<Mismatch>): string {
  const out: string[] = []
  for (const r of reports) {
    const confirmed = Object.entries(r.totals.confirmed)
      .map(([channel, t]) => `${channel} ${t.count} (${formatDong(t.amount)})`)
      .join(", ")
    out.push(
      `${r.centreId} ${r.date}: khớp ${r.matched}, chênh lệch ${r.mismatches.length}` +
        ` | ghi nhận: ${confirmed || "0"} | giữ lại ${r.totals.held}, từ chối ${r.totals.rejected}, lặp ${r.totals.duplicates}`,
    )
    for (const m of r.mismatches)
      out.push(
        `  ${m.kind}${m.line === undefined ? "" : ` (dòng ${m.line})`}${m.transactionId === undefined ? "" : ` ${m.transactionId}`}${m.dossierCode === undefined ? "" : ` hồ sơ ${m.dossierCode}`}${m.amount === undefined ? "" : ` ${formatDong(m.amount)}`}: ${m.reason}`,
      )
    for (const p of r.pendingRefunds)
      out.push(`  hoàn trả đã duyệt, chưa thấy trên sao kê: ${p.reference} ${formatDong(p.amount)}`)
  }
  for (const m of stray) out.push(`(không thuộc trung tâm nào) dòng ${m.line} ${m.transactionId}: ${m.reason}`)
  return out.join("\n")
}

const subcommands: Record<string, (args: ReadonlyArray<string>, io: Io) => Promise<number>> = {
  async reconcile(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      ...commonOptions,
      date: { type: "string" },
      statement: { type: "string" },
      centre: { type: "string" },
      format: { type: "string" },
    })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const date = civilDate("date", values.date)
    if (date === undefined) throw new UsageError("thiếu --date (missing --date)")
    const format = values.format ?? "table"
    if (format !== "table" && format !== "json")
      throw new UsageError(`--format phải là table hoặc json (must be table or json), nhận "${format}"`)
    const settings = resolveSettings(values, io)
    const { data } = loadDeployment(settings)
    const accounts = data.paymentAccounts
    if (accounts === undefined) {
      io.err(say("Dữ liệu triển khai không có payment-accounts.json", "no centre accounts in the deployment data"))
      return EXIT_FAILURE
    }
    let statement: StatementLine[] | undefined
    if (values.statement !== undefined) {
      const file = resolve(io.cwd, values.statement)
      const parsed = parseStatementCsv(readFileSync(file, "utf8"))
      if (!parsed.ok) {
        for (const p of parsed.problems) io.out(`${values.statement}: ${p.path}: ${p.message}`)
        io.err(
          say(
            `Sao kê không hợp lệ: ${parsed.problems.length} lỗi`,
            `statement invalid: ${parsed.problems.length} problem(s)`,
          ),
        )
        return EXIT_FAILURE
      }
      statement = parsed.lines
    }
    const centreIds = values.centre === undefined ? accounts.accounts.map((a) => a.centreId) : [values.centre]
    if (values.centre !== undefined && !accounts.accounts.some((a) => a.centreId === values.centre))
      throw new UsageError(`không có trung tâm ${values.centre} trong payment-accounts.json (no such centre)`)
    const layer = Layer.merge(
      storageLayer(settings.database, documentsDirOf(settings)),
      PaymentSettings.layer({ accounts }),
    )
    const reports = await Effect.runPromise(
      Effect.provide(
        Effect.forEach(centreIds, (centreId) =>
          reconcileCentre({ date, centreId, ...(statement === undefined ? {} : { statement }) }),
        ),
        layer,
      ),
    )
    const shown = values.centre === undefined ? reports.filter(hasActivity) : reports
    const stray =
      statement === undefined
        ? []
        : statement.filter((l) => centreOfAccount(accounts, l.accountNumber, l.bankBin) === undefined).map(strayLine)
    const mismatches = shown.reduce((n, r) => n + r.mismatches.length, 0) + stray.length
    io.out(format === "json" ? JSON.stringify({ date, reports: shown, stray }, null, 2) : table(shown, stray))
    io.err(
      mismatches === 0
        ? say(`Ngày ${date}: khớp, không có chênh lệch`, "everything matches")
        : say(`Ngày ${date}: ${mismatches} chênh lệch`, `${mismatches} mismatch(es)`),
    )
    return mismatches === 0 ? EXIT_OK : EXIT_FAILURE
  },
}

export const payments: Command = {
  name: "payments",
  summary: "đối chiếu thanh toán trong ngày với sao kê ngân hàng (daily payment reconciliation)",
  help: HELP,
  async run(args: ReadonlyArray<string>, io: Io) {
    const [sub, ...rest] = args
    const run = sub === undefined ? undefined : subcommands[sub]
    if (run === undefined) throw new UsageError(`lệnh con không hợp lệ (unknown subcommand): ${sub ?? "(thiếu)"}`)
    return run(rest, io)
  },
}
