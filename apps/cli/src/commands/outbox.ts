// motcua outbox: the operator's view of the outbox (what waits, what was given up on and why), retrying dead rows,
// and a relay process of its own (`outbox relay`: the same relay as the server's, for deployments that run relays
// apart from the API, and for the crash tests). Over the configured database, with the national portal and the
// relay's settings from the same environment variables as the server (docs/configuration.md).
import { listOutbox, type OutboxStatus, outboxBacklog, outboxStatuses, retryOutbox } from "@motcua/application"
import { Result } from "effect"
import { commonOptions, EXIT_OK, naturalNumber, parseCommandLine, positiveInteger, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { type Io, say } from "../io.ts"
import { CLI_OPERATOR, cliRuntime } from "../runtime.ts"
import { relay } from "./outbox-relay.ts"

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length))
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} phút (min)`)

const HELP = `Cách dùng (usage):
  motcua outbox list [--status pending|claimed|done|dead] [--topic T] [--dossier MÃ] [--after ID] [--limit N] [--json]
  motcua outbox retry ID [ID…] | --all-dead
  motcua outbox relay [--interval-ms MS] [--batch N] [--worker-id W] [--lease-ms MS] [--topic portal.sync]

Hàng đợi gửi đi (the outbox): đồng bộ Cổng DVCQG, thông báo, yêu cầu thanh toán, webhook.
  list    các hàng theo trạng thái, chủ đề, hồ sơ, với số lần thử và lỗi cuối (không bao giờ in nội dung) và độ trễ
          (rows with attempts and last error, never their payload; the relay's backlog and lag)
  retry   đưa lại các hàng đã bỏ cuộc (dead) vào hàng đợi, số lần thử tính lại từ 0 (offer dead rows again)
  relay   chạy một tiến trình chuyển tiếp riêng, đến khi Ctrl+C; --topic: chỉ một chủ đề, vd. đồng bộ Cổng DVCQG
          (a relay process of its own, until Ctrl+C; --topic: one topic only, e.g. the portal sync)
Cổng DVCQG và cài đặt chuyển tiếp lấy từ biến môi trường như máy chủ: MOTCUA_PORTAL_*, MOTCUA_RELAY_*
(docs/configuration.md).${COMMON_HELP}`

export const outbox: Command = {
  name: "outbox",
  summary: "hàng đợi gửi đi: xem, gửi lại, chạy chuyển tiếp (the outbox: list, retry, relay)",
  help: HELP,
  async run(args: ReadonlyArray<string>, io: Io) {
    const [sub, ...rest] = args
    if (sub === "list") return list(rest, io)
    if (sub === "retry") return retry(rest, io)
    if (sub === "relay") return relay(rest, io)
    throw new UsageError(
      `lệnh con phải là list, retry hoặc relay (subcommand: list, retry or relay), nhận "${sub ?? ""}"`,
    )
  },
}

async function list(args: ReadonlyArray<string>, io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    ...commonOptions,
    status: { type: "string" },
    topic: { type: "string" },
    dossier: { type: "string" },
    after: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean" },
  })
  if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
  const status = values.status
  if (status !== undefined && !outboxStatuses.includes(status as OutboxStatus))
    throw new UsageError(`--status phải là ${outboxStatuses.join(", ")} (must be one of them), nhận "${status}"`)
  const limit = positiveInteger("limit", values.limit, 100)
  const after = values.after === undefined ? undefined : naturalNumber("after", values.after, 0)
  const { runtime } = await cliRuntime(values, io)
  try {
    const rows = await runtime.run(
      listOutbox(CLI_OPERATOR, {
        limit,
        ...(status === undefined ? {} : { status: status as OutboxStatus }),
        ...(values.topic === undefined ? {} : { topic: values.topic }),
        ...(values.dossier === undefined ? {} : { dossierCode: values.dossier }),
        ...(after === undefined ? {} : { afterId: after }),
      }),
    )
    const backlog = await runtime.run(outboxBacklog(CLI_OPERATOR))
    if (Result.isFailure(rows)) throw rows.failure
    if (Result.isFailure(backlog)) throw backlog.failure
    if (values.json === true) {
      io.out(JSON.stringify({ items: rows.success, backlog: backlog.success }, null, 2))
      return EXIT_OK
    }
    const b = backlog.success
    io.out(
      say(
        `Chờ gửi ${b.pending}, đang gửi ${b.claimed}, bỏ cuộc ${b.dead}; độ trễ ${minutes(b.lagMs)}`,
        `pending ${b.pending}, claimed ${b.claimed}, dead ${b.dead}; lag ${b.lagMs} ms`,
      ),
    )
    if (rows.success.length === 0) {
      io.out(say("Không có hàng nào", "no rows"))
      return EXIT_OK
    }
    io.out(
      `${pad("id", 8)} ${pad("trạng thái", 10)} ${pad("chủ đề", 17)} ${pad("hồ sơ", 26)} ${pad("lần", 4)} lỗi cuối (last error)`,
    )
    for (const r of rows.success)
      io.out(
        `${pad(String(r.id), 8)} ${pad(r.status, 10)} ${pad(r.topic, 17)} ${pad(r.dossierCode ?? "-", 26)} ${pad(String(r.attempts), 4)} ${r.lastError ?? ""}`,
      )
    return EXIT_OK
  } finally {
    await runtime.dispose()
  }
}

async function retry(args: ReadonlyArray<string>, io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { ...commonOptions, "all-dead": { type: "boolean" } })
  const allDead = values["all-dead"] === true
  if (allDead === positionals.length > 0)
    throw new UsageError("cho các ID hoặc --all-dead, không cả hai (give row ids or --all-dead, not both)")
  const ids = positionals.map((p) => positiveInteger("id", p, 0))
  const { runtime } = await cliRuntime(values, io)
  try {
    const retried = await runtime.run(retryOutbox(CLI_OPERATOR, allDead ? "all" : ids))
    if (Result.isFailure(retried)) throw retried.failure
    const got = retried.success
    io.out(
      say(`Đã đưa lại ${got.length} hàng vào hàng đợi`, `${got.length} rows offered again`) +
        (got.length > 0 ? `: ${got.join(", ")}` : ""),
    )
    const skipped = ids.filter((id) => !got.includes(id))
    if (skipped.length > 0)
      io.err(say(`Không phải hàng đã bỏ cuộc, bỏ qua: ${skipped.join(", ")}`, "not dead, left alone"))
    return EXIT_OK
  } finally {
    await runtime.dispose()
  }
}
