// Records the SQL statements better-sqlite3 executes (every run/get/all/iterate, BEGIN and COMMIT included) and those
// pg's clients send PostgreSQL (every `query`, the pool's included), in order: how a benchmark proves its raw floor
// does the adapter's work, statement for statement.
import Database from "better-sqlite3"
import pg from "pg"

export async function recordStatements<A>(body: () => Promise<A>): Promise<{ result: A; statements: string[] }> {
  const probe = new Database(":memory:")
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>
  probe.close()
  const methods = ["run", "get", "all", "iterate"] as const
  const originals = methods.map((m) => proto[m] as (...args: unknown[]) => unknown)
  const statements: string[] = []
  methods.forEach((m, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      statements.push(this.source)
      return original.apply(this, args)
    }
  })
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const pgQuery = client.query
  client.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    statements.push(typeof config === "string" ? config : (config as { readonly text: string }).text)
    return pgQuery.call(this, config, ...rest)
  }
  try {
    return { result: await body(), statements }
  } finally {
    methods.forEach((m, i) => {
      proto[m] = originals[i]
    })
    client.query = pgQuery
  }
}

/** Fails with a side-by-side listing when the two sides executed different statements. */
export function sameStatements(what: string, measured: ReadonlyArray<string>, raw: ReadonlyArray<string>): number {
  const differ = measured.length !== raw.length || measured.some((s, i) => s !== raw[i])
  if (differ) {
    const lines = Math.max(measured.length, raw.length)
    const table = Array.from({ length: lines }, (_, i) =>
      measured[i] === raw[i] ? `  = ${measured[i]}` : `  A ${measured[i]}\n  R ${raw[i]}`,
    )
    throw new Error(`${what}: the measured side and the raw floor issue different statements:\n${table.join("\n")}`)
  }
  return measured.length
}
