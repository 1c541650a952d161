// motcua outbox relay: a relay process of its own (the same relay as the server's), until SIGINT or SIGTERM. Loaded
// on its own by main.ts for `motcua outbox relay` (not through cli.ts and every command), and it imports only the
// runtime pieces it needs, so that a relay restarted after a crash delivers again sooner (docs/performance.md).
import { DEFAULT_RELAY, defaultWorkerId, jsonLogger, type RelaySettings, startRelay } from "@motcua/api/relay-process"
import { commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, positiveInteger, UsageError } from "../args.ts"
import { type Io, say } from "../io.ts"
import { cliRuntime } from "../runtime.ts"
import { untilStopSignal } from "../stop-signal.ts"

/** Runs the relay with the options after `outbox relay`; answers the exit code. */
export async function relay(args: ReadonlyArray<string>, io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    ...commonOptions,
    "interval-ms": { type: "string" },
    batch: { type: "string" },
    "worker-id": { type: "string" },
    "lease-ms": { type: "string" },
    topic: { type: "string" },
  })
  if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
  if (values.topic === "") throw new UsageError("--topic không được rỗng (must not be empty)")
  const { runtime, env } = await cliRuntime(values, io)
  const settings: RelaySettings = {
    ...env.relay,
    intervalMs: positiveInteger("interval-ms", values["interval-ms"], env.relay.intervalMs || DEFAULT_RELAY.intervalMs),
    batch: positiveInteger("batch", values.batch, env.relay.batch),
    ...(values["lease-ms"] === undefined ? {} : { leaseMs: positiveInteger("lease-ms", values["lease-ms"], 60_000) }),
    workerId: values["worker-id"] ?? defaultWorkerId(),
    ...(values.topic === undefined ? {} : { topic: values.topic }),
  }
  const logger = jsonLogger(io.out)
  const task = startRelay(runtime, settings, logger)
  if (task === undefined) {
    await runtime.dispose()
    return EXIT_FAILURE
  }
  io.err(say(`Tiến trình chuyển tiếp ${settings.workerId} đang chạy; dừng: Ctrl+C`, "relay running; stop with Ctrl+C"))
  // the relay's timers do not keep a process alive (a server's socket does): this one does, until a signal
  const keepAlive = setInterval(() => {}, 1 << 30)
  await untilStopSignal()
  clearInterval(keepAlive)
  await task.stop()
  await runtime.dispose()
  return EXIT_OK
}
