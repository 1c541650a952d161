// Adapters loaded on first use (lazy.ts): the port answers at once, its module is loaded on the first call only, once,
// and a typed failure of the adapter comes through as it is; and the API, started and answering, has not loaded the
// PDF, signing and e-mail libraries (the memory they hold is issue 15's).
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { Context, Data, Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import { lazyLayer } from "./lazy.ts"

class Refused extends Data.TaggedError("Refused")<{ readonly why: string }> {}
interface EchoShape {
  readonly echo: (text: string) => Effect.Effect<string, Refused>
  readonly count: () => Effect.Effect<number>
}
class Echo extends Context.Service<Echo, EchoShape>()("test/Echo") {}

describe("lazyLayer", () => {
  it("loads the adapter on the first call, once, and passes calls, results and typed failures through", async () => {
    let loads = 0
    let calls = 0
    const layer = lazyLayer(
      Echo,
      async () => {
        loads++
        return Layer.succeed(
          Echo,
          Echo.of({
            echo: (text) => (text === "" ? Effect.fail(new Refused({ why: "empty" })) : Effect.succeed(`<${text}>`)),
            count: () => Effect.sync(() => ++calls),
          }),
        )
      },
      { echo: true, count: true },
    )
    const run = <A, E>(program: Effect.Effect<A, E, Echo>) =>
      Effect.runPromise(Effect.result(Effect.provide(program, layer)))
    // building the layer and reaching the service loads nothing
    expect(Result.isSuccess(await run(Echo.use(() => Effect.succeed("built"))))).toBe(true)
    expect(loads).toBe(0)
    expect(await run(Echo.use((e) => e.echo("a")))).toEqual(Result.succeed("<a>"))
    expect(loads).toBe(1)
    const failed = await run(Echo.use((e) => e.echo("")))
    expect(Result.isFailure(failed) && failed.failure).toEqual(new Refused({ why: "empty" }))
    await run(Echo.use((e) => e.count()))
    expect(await run(Echo.use((e) => e.count()))).toEqual(Result.succeed(2))
    expect(loads).toBe(1)
  })
})

describe("the API's start", () => {
  it("loads neither the PDF libraries, nor the signer's, nor nodemailer until a route needs them", () => {
    const script = `
      import { registerHooks } from "node:module"
      const urls = []
      registerHooks({ load(url, context, next) { urls.push(url); return next(url, context) } })
      const api = await import("@motcua/api")
      const runtime = await api.createRuntime({})
      const app = api.createApp({ ...runtime.data, logger: api.memoryLogger(), runtime, secureCookies: false })
      const health = await app.request("/healthz")
      await runtime.dispose()
      console.log(JSON.stringify({ status: health.status, urls }))`
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
    })
    expect(child.status, child.stderr).toBe(0)
    const { status, urls } = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
      status: number
      urls: string[]
    }
    expect(status).toBe(200)
    // the API's own modules were loaded through the hook (it saw the start)
    expect(urls.some((u) => u.endsWith("/apps/api/src/runtime.ts"))).toBe(true)
    const heavy = urls.filter((u) =>
      /\/node_modules\/(pdf-lib|@pdf-lib\/fontkit|pkijs|node-forge|@signpdf\/[^/]+|nodemailer)\//.test(u),
    )
    expect(heavy).toEqual([])
  })
})
