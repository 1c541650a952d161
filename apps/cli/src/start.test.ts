// scripts/start.sh end to end, on a temporary data folder and a free port: migrate, seed, serve beside the stand-in
// national portal; /healthz answers; a filing reaches the portal; SIGTERM stops it cleanly. (The install step is skipped: the test runs after `pnpm install`.)
import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { residenceFiling } from "@motcua/application/testing"
import { afterAll, describe, expect, it } from "vitest"
import { tempDir } from "./test-support.ts"

const root = join(import.meta.dirname, "..", "..", "..")

function waitFor(child: ChildProcess, output: () => string, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${output()}`)), ms)
    const check = () => {
      const found = output().match(pattern)
      if (found !== null) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stderr?.on("data", check)
    child.stdout?.on("data", check)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`start.sh exited with ${code} before serving:\n${output()}`))
    })
  })
}

describe("scripts/start.sh", () => {
  const data = tempDir("start")
  let child: ChildProcess | undefined
  afterAll(() => {
    if (child?.exitCode === null) child.kill("SIGKILL")
    data.remove()
  })

  it("migrates, seeds, prints the demo accounts and serves /healthz; SIGTERM stops it with 0", async () => {
    let out = ""
    const { DATABASE_URL: _sqliteHere, ...inherited } = process.env
    const env = { ...inherited, MOTCUA_DATA: data.path, PORT: "0" }
    child = spawn("bash", [join(root, "scripts", "start.sh")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    const [, port] = await waitFor(child, () => out, /đang chạy tại http:\/\/localhost:(\d+)/, 60_000)
    expect(out).toContain("cb-hg-01")
    expect(out).toContain("/openapi.json")
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok" })
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    expect(ready.status).toBe(200)

    // the stand-in national portal runs beside it, and the demo syncs to it for real
    const sim = out.match(/portal simulator\): (http:\/\/127\.0\.0\.1:\d+)/)?.[1]
    expect(sim, out).toBeDefined()
    const filed = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers`, {
      method: "POST",
      headers: {
        authorization: "Bearer demo-citizen-022090001234",
        "content-type": "application/json",
        "idempotency-key": "start-sh-1",
      },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    let held: { record: { TrangThaiHoSo: string }; progress: unknown[] } | undefined
    for (let i = 0; i < 150 && held === undefined; i++) {
      const answer = await fetch(`${sim}/sim/dossiers/${code}`)
      if (answer.status === 200) held = (await answer.json()) as typeof held
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(held?.record.TrangThaiHoSo).toBe("1")

    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)))
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
  }, 120_000)
})
