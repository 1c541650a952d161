// The load generator of bench/http.bench.ts, run as a child process (so that the server's process spends its cores
// on serving): on each message it sends `requests` POSTs with `concurrency` keep-alive connections, each with its own
// Idempotency-Key, and answers the wall time, the latencies' p50/p99 and the status counts.
import http from "node:http"

export interface LoadRequest {
  readonly url: string
  readonly token: string
  readonly body: string
  readonly requests: number
  readonly concurrency: number
  readonly keyPrefix: string
}

export interface LoadResult {
  readonly ms: number
  /** Every request's latency in ms, in the order sent. */
  readonly latencies: ReadonlyArray<number>
  readonly statuses: Record<string, number>
  /** The first answer that was not 201, for the report. */
  readonly sample?: string
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.concurrency })
  const target = new URL(request.url)
  const latencies = new Float64Array(request.requests)
  const statuses: Record<string, number> = {}
  let sample: string | undefined
  let next = 0
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now()
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(request.body),
            authorization: `Bearer ${request.token}`,
            "idempotency-key": `${request.keyPrefix}-${i}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on("data", (chunk: Buffer) => chunks.push(chunk))
          res.on("end", () => {
            latencies[i] = performance.now() - started
            const status = String(res.statusCode)
            statuses[status] = (statuses[status] ?? 0) + 1
            if (status !== "201" && sample === undefined) sample = Buffer.concat(chunks).toString("utf8").slice(0, 500)
            resolve()
          })
          res.on("error", reject)
        },
      )
      req.on("error", reject)
      req.end(request.body)
    })
  const worker = async () => {
    while (next < request.requests) {
      const i = next
      next += 1
      await one(i)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: request.concurrency }, worker))
  const ms = performance.now() - started
  agent.destroy()
  return {
    ms,
    latencies: Array.from(latencies),
    statuses,
    ...(sample === undefined ? {} : { sample }),
  }
}

process.on("message", (message: LoadRequest | "exit") => {
  if (message === "exit") process.exit(0)
  run(message).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  )
})
