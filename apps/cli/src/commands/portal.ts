// motcua portal reconcile: asks the national portal about every dossier filed in a period and re-queues the record
// of those it lacks or holds in an older status (docs/integrations/portal.md, "Reconciliation"); prints the table.
// motcua portal-sim: the stand-in portal (apps/portal-sim) until Ctrl+C.
import { reconcilePortal } from "@motcua/application"
import { parseSimArgs, SIM_HELP, SimUsageError, startPortalSim } from "@motcua/portal-sim"
import { Result } from "effect"
import { civilDate, commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { type Io, say } from "../io.ts"
import { cliRuntime } from "../runtime.ts"
import { untilStopSignal } from "../stop-signal.ts"

export const portal: Command = {
  name: "portal",
  summary: "Cổng DVCQG: đối soát hồ sơ (national portal: reconcile)",
  help: `Cách dùng (usage): motcua portal reconcile --from YYYY-MM-DD --to YYYY-MM-DD [--json]

Hỏi Cổng Dịch vụ công quốc gia (TraCuuHoSo) về từng hồ sơ nộp trong khoảng ngày; hồ sơ cổng chưa có hoặc đang ở
trạng thái cũ hơn được đưa lại vào hàng đợi đồng bộ; in bảng: đã kiểm tra, thiếu, cũ, đã đưa lại, lỗi tra cứu.
(Looks every dossier of the period up on the portal, re-queues the missing and stale ones, prints the table.)
Cần MOTCUA_PORTAL_URL và thông tin đăng nhập (docs/integrations/portal.md).${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const [sub, ...rest] = args
    if (sub !== "reconcile")
      throw new UsageError(`lệnh con phải là reconcile (subcommand: reconcile), nhận "${sub ?? ""}"`)
    const { values, positionals } = parseCommandLine(rest, {
      ...commonOptions,
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
    })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const from = civilDate("from", values.from)
    const to = civilDate("to", values.to)
    if (from === undefined || to === undefined)
      throw new UsageError("cần --from và --to (both --from and --to are required)")
    if (from > to) throw new UsageError("--from phải trước --to (--from must not be after --to)")
    const { runtime, env } = await cliRuntime(values, io)
    try {
      if (env.portal === undefined)
        io.err(say("Chưa cấu hình MOTCUA_PORTAL_URL: tra cứu sẽ không thành công", "MOTCUA_PORTAL_URL not set"))
      const outcome = await runtime.run(reconcilePortal({ from, to }))
      if (Result.isFailure(outcome)) throw outcome.failure
      const r = outcome.success
      if (values.json === true) {
        io.out(JSON.stringify(r, null, 2))
        return r.failed.length > 0 ? EXIT_FAILURE : EXIT_OK
      }
      const rows: Array<[string, number]> = [
        [say("Đã kiểm tra", "checked"), r.checked],
        [say("Khớp", "in sync"), r.inSync],
        [say("Cổng chưa có", "missing"), r.missing.length],
        [say("Trạng thái cũ", "stale"), r.stale.length],
        [say("Đã đưa lại hàng đợi", "re-queued"), r.requeued.length],
        [say("Tra cứu lỗi", "lookup failed"), r.failed.length],
      ]
      const width = Math.max(...rows.map(([label]) => label.length))
      io.out(say(`Đối soát Cổng DVCQG ${from} → ${to}`, "portal reconciliation"))
      for (const [label, n] of rows) io.out(`  ${label.padEnd(width)}  ${String(n).padStart(6)}`)
      for (const code of r.missing) io.out(`  ${say("thiếu", "missing")}: ${code}`)
      for (const s of r.stale) io.out(`  ${say("cũ", "stale")}: ${s.code} (${s.portal} → ${s.ours})`)
      for (const f of r.failed) io.out(`  ${say("lỗi", "failed")}: ${f.code}: ${f.error}`)
      return r.failed.length > 0 ? EXIT_FAILURE : EXIT_OK
    } finally {
      await runtime.dispose()
    }
  },
}

export const portalSim: Command = {
  name: "portal-sim",
  summary: "Cổng DVCQG giả lập có lỗi giả lập (a stand-in national portal with faults)",
  help: SIM_HELP,
  async run(args: ReadonlyArray<string>, io: Io) {
    let options: ReturnType<typeof parseSimArgs>
    try {
      options = parseSimArgs(args)
    } catch (error) {
      if (error instanceof SimUsageError) throw new UsageError(error.message)
      throw error
    }
    const sim = await startPortalSim(options)
    io.err(
      say(
        `Cổng DVCQG giả lập tại ${sim.url} (tỉ lệ lỗi ${options.faults?.failRate ?? 0}); xem ${sim.url}/sim/stats; dừng: Ctrl+C`,
        "portal simulator running",
      ),
    )
    await untilStopSignal()
    await sim.close()
    return EXIT_OK
  },
}
