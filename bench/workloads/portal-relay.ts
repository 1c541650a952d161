// The portal relay benchmark's two sides, against the portal simulator (apps/portal-sim) in a process of its own on
// loopback:
// - measured: the outbox relay for real, as the server runs it (relayOnce, continuous, over SQLite storage: claim,
//   decode the stored view, map it with adapters/portal-dvcqg, POST, complete), the rows of a dossier one at a time
//   and in order, `concurrency` rows at once;
// - floor: a bare HTTP client posting the very same request bodies (mapped beforehand, the token fetched once) with
//   the same concurrency, each dossier's bodies one after another — no database, no decoding, no mapping. It speaks
//   node:http over keep-alive connections, as the adapter's client does: a floor on `fetch` (undici) costs about twice
//   the CPU a call and would credit the relay with the difference between two clients.
// The dossiers are copies of one whole lifecycle (the application's use cases in memory, filing to return), each
// under its own code. The simulator is emptied before each half, and each side ends by checking that it holds every
// record and every progress item of the half.
import { type ChildProcess, fork } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import {
  accept,
  approve,
  Clock,
  completeStep,
  confirmPaymentCallback,
  DocumentStore,
  fileOnline,
  type Json,
  MemoryDatabase,
  markResultReady,
  Outbox,
  type OutboxMessageInput,
  PortalSync,
  PortalSyncPayload,
  receiveSupplement,
  relayOnce,
  requestSupplementation,
  returnResult,
  type StoragePorts,
  sign,
  topics,
} from "@motcua/application"
import {
  advance,
  HOUR,
  principals as p,
  paidCallback,
  pdf,
  residenceFiling,
  runTest,
} from "@motcua/application/testing"
import { makePortalSync, type PortalSyncSettings, toDossierRecord, toProgressItems } from "@motcua/portal-dvcqg"
import { SqlStorage } from "@motcua/storage-sql"
import { Effect, Layer, ManagedRuntime, Schema } from "effect"

export const SIM_MAIN = fileURLToPath(new URL("../../apps/portal-sim/src/main.ts", import.meta.url))
const UNIT = "000.00.00.H49"
const DSTCODE = "H49"

/** One whole lifecycle's portal pushes (payloads in outbox order) and its code. */
async function templateLifecycle(): Promise<{ code: string; payloads: ReadonlyArray<Json> }> {
  return runTest(
    Effect.gen(function* () {
      const filed = yield* fileOnline(p.citizen, residenceFiling(), "bench")
      const code = filed.code
      yield* advance(HOUR)
      yield* accept(p.counter, code, {})
      yield* advance(HOUR)
      yield* completeStep(p.counter, code, { assigneeId: p.specialist.id })
      yield* advance(HOUR)
      yield* requestSupplementation(p.specialist, code, {
        missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
        applicantDeadline: "2026-12-31T10:00:00.000Z",
      })
      yield* advance(HOUR)
      yield* receiveSupplement(p.citizen, code, { documents: [{ id: "cho-o-hop-phap" }] })
      yield* advance(HOUR)
      yield* completeStep(p.specialist, code, {})
      yield* advance(HOUR)
      yield* approve(p.leader, code, { note: "Đồng ý" })
      const result = yield* (yield* DocumentStore).put(pdf("Kết quả"), "application/pdf")
      yield* advance(HOUR)
      yield* sign(p.leader, code, { documentId: result.id })
      yield* advance(HOUR)
      yield* completeStep(p.leader, code, {})
      yield* advance(HOUR)
      yield* confirmPaymentCallback(p.gateway, paidCallback(code))
      yield* advance(HOUR)
      yield* completeStep(p.clerk, code, {})
      yield* advance(HOUR)
      yield* markResultReady(p.counter, code, { resultDocumentIds: [result.id] })
      yield* advance(HOUR)
      yield* returnResult(p.counter, code, { method: "counter" })
      const db = yield* MemoryDatabase
      const payloads = [...db.state.outbox.values()]
        .filter((row) => row.topic === topics.portalSync)
        .sort((a, b) => a.id - b.id)
        .map((row) => row.payload)
      return { code, payloads }
    }),
  )
}

/** Starts the simulator in a child process on a free loopback port. */
export async function startSimProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(SIM_MAIN, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit", "ipc"] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (found !== null) resolve(found[0])
    })
    child.once("exit", (code) => reject(new Error(`the portal simulator exited (${code}): ${out}`)))
  })
  return { url, child }
}

export interface Dossier {
  readonly code: string
  /** The stored payloads (what the relay reads). */
  readonly payloads: ReadonlyArray<Json>
  /** The request bodies the adapter sends for them, in order (what the floor posts). */
  readonly bodies: ReadonlyArray<{ readonly service: string; readonly isUpdating?: boolean; readonly data: unknown[] }>
  readonly progressItems: number
}

export interface PortalRelaySides {
  readonly url: string
  /** `count` new dossiers (fresh codes), with their payloads and bodies. */
  readonly dossiers: (count: number) => ReadonlyArray<Dossier>
  /** Writes the dossiers' rows into the relay's outbox (outside timing). */
  readonly enqueue: (dossiers: ReadonlyArray<Dossier>) => Promise<void>
  /** The measured side: relay passes until every row of `dossiers` is done; then checks the simulator. */
  readonly relay: (dossiers: ReadonlyArray<Dossier>) => Promise<void>
  /** The floor: posts the same bodies; then checks the simulator. */
  readonly bare: (dossiers: ReadonlyArray<Dossier>) => Promise<void>
  readonly close: () => Promise<void>
}

const decode = Schema.decodeUnknownSync(PortalSyncPayload)

export async function openPortalRelay(options: { readonly concurrency: number }): Promise<PortalRelaySides> {
  const template = await templateLifecycle()
  const sim = await startSimProcess()
  const settings: PortalSyncSettings = {
    baseUrl: sim.url,
    username: "motcua",
    password: "motcua",
    unitCode: UNIT,
    dstcode: DSTCODE,
    timeoutMs: 10_000,
  }
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-portal-"))
  const storage = SqlStorage.layerSqlite({ file: join(folder, "relay.sqlite"), synchronous: "NORMAL" })
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(storage, Clock.layer, Layer.succeed(PortalSync, PortalSync.of(makePortalSync(settings)))),
  )
  const run = <A, E>(effect: Effect.Effect<A, E, StoragePorts | PortalSync | Clock>) => runtime.runPromise(effect)
  await run(Effect.void)
  let serial = 0

  const reset = () => fetch(`${sim.url}/sim/reset`, { method: "POST" }).then((r) => r.arrayBuffer())
  const checkSim = async (dossiers: ReadonlyArray<Dossier>) => {
    const stats = (await (await fetch(`${sim.url}/sim/stats`)).json()) as { dossiers: number; progressItems: number }
    const items = dossiers.reduce((n, d) => n + d.progressItems, 0)
    if (stats.dossiers !== dossiers.length || stats.progressItems !== items)
      throw new Error(
        `the simulator holds ${stats.dossiers} dossiers and ${stats.progressItems} progress items, expected ${dossiers.length} and ${items}`,
      )
  }

  const relayHandlers = Effect.gen(function* () {
    const portal = yield* PortalSync
    return {
      [topics.portalSync]: (m: { id: number; dossierCode: string | null; payload: Json; attempts: number }) =>
        portal.push({
          kind: (m.payload as { kind: "record" | "progress" }).kind,
          dossierCode: m.dossierCode ?? "",
          pushId: `outbox-${m.id}`,
          payload: m.payload,
          attempt: m.attempts,
        }),
    }
  })

  // the session for the floor, fetched once (the adapter keeps its own the same way)
  const signIn = await fetch(`${sim.url}/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "motcua", password: "motcua" }),
  })
  const session = ((await signIn.json()) as { session: string }).session

  return {
    url: sim.url,
    dossiers: (count) =>
      Array.from({ length: count }, () => {
        serial++
        const code = `${template.code}.${serial}`
        const payloads = template.payloads.map(
          (payload) => JSON.parse(JSON.stringify(payload).split(template.code).join(code)) as Json,
        )
        let progressItems = 0
        const bodies = payloads.map((payload) => {
          const view = decode(payload)
          if (view.kind === "record")
            return {
              service: "DongBoHoSoMC",
              isUpdating: view.record.status !== 1,
              data: [toDossierRecord(view.record)],
            }
          const items = toProgressItems(view.progress)
          progressItems += items.length
          return { service: "CapNhatTienDoHoSoMC", data: [...items] }
        })
        return { code, payloads, bodies, progressItems }
      }),
    enqueue: (dossiers) =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox
          for (const d of dossiers)
            yield* outbox.enqueue(
              d.code,
              d.payloads.map(
                (payload): OutboxMessageInput => ({
                  topic: topics.portalSync,
                  payload,
                  orderingKey: `${topics.portalSync}:${d.code}`,
                }),
              ),
            )
        }),
      ),
    relay: async (dossiers) => {
      await reset()
      await run(
        Effect.gen(function* () {
          const handlers = yield* relayHandlers
          for (;;) {
            const pass = yield* relayOnce(handlers, {
              workerId: "bench",
              limit: 100_000,
              concurrency: options.concurrency,
              continuous: true,
              retryBaseMs: 1,
            })
            if (pass.failed.length > 0) throw new Error(`relay failures: ${JSON.stringify(pass.failed.slice(0, 3))}`)
            if (pass.claimed === 0) return
          }
        }),
      )
      await checkSim(dossiers)
    },
    bare: async (dossiers) => {
      await reset()
      const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency })
      const post = (body: string) =>
        new Promise<string>((resolve, reject) => {
          const call = request(
            `${sim.url}/api`,
            {
              method: "POST",
              agent,
              headers: {
                "content-type": "application/json",
                charset: "utf-8",
                dstcode: DSTCODE,
                "content-length": Buffer.byteLength(body),
              },
            },
            (response) => {
              const chunks: Buffer[] = []
              response.on("data", (chunk: Buffer) => chunks.push(chunk))
              response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
              response.on("error", reject)
            },
          )
          call.on("error", reject)
          call.end(body)
        })
      let next = 0
      const worker = async () => {
        for (;;) {
          const d = dossiers[next++]
          if (d === undefined) return
          for (const body of d.bodies) {
            const answer = JSON.parse(
              await post(
                JSON.stringify({
                  session,
                  madonvi: UNIT,
                  service: body.service,
                  ...(body.isUpdating === undefined ? {} : { isUpdating: body.isUpdating ? "True" : "False" }),
                  data: body.data,
                }),
              ),
            ) as { error_code: string; message: string }
            if (answer.error_code !== "0") throw new Error(`the floor's push was refused: ${answer.message}`)
          }
        }
      }
      try {
        await Promise.all(Array.from({ length: options.concurrency }, worker))
      } finally {
        agent.destroy()
      }
      await checkSim(dossiers)
    },
    close: async () => {
      await runtime.dispose()
      sim.child.kill("SIGTERM")
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** The smoke run for the test suite: a few dossiers on each side, both checked, no timing. */
export async function smokePortalRelay(): Promise<number> {
  const sides = await openPortalRelay({ concurrency: 4 })
  try {
    const measured = sides.dossiers(3)
    await sides.enqueue(measured)
    await sides.relay(measured)
    const floor = sides.dossiers(3)
    await sides.bare(floor)
    return measured.reduce((n, d) => n + d.payloads.length, 0)
  } finally {
    await sides.close()
  }
}
