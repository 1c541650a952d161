// Shared by the dossier tests: the app over a real database (SQLite on a temp file, PostgreSQL on a fresh database
// of the server in MOTCUA_TEST_PG_URL), the real Quảng Ninh data and the demo accounts, a clock the test moves, and
// helpers to act as an officer (session cookie + CSRF token), a citizen (bearer token) or the gateway (API key).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DAY, HOUR, MINUTE, pdf, residenceFiling, START } from "@motcua/application/testing"
import type { X509SignerSettings } from "@motcua/signature-x509"
import { SqlDatabase } from "@motcua/storage-sql"
import { describeOnPostgres, freshPostgresDatabase, testPostgresUrl } from "@motcua/storage-sql/testing"
import { Effect } from "effect"
import { type Kysely, sql } from "kysely"
import { describe } from "vitest"
import { createApp } from "./app.ts"
import { DEMO_GATEWAY_KEY, DEMO_PASSWORD, seedDemoAccounts } from "./demo.ts"
import { memoryLogger } from "./logging.ts"
import { type ApiRuntime, createRuntime, type RuntimeOptions, type StorageKind } from "./runtime.ts"
import { data } from "./testing.test-support.ts"
import { sessionHeaders } from "./testing.ts"

/** Cheap scrypt for tests (the production cost is SCRYPT_DEFAULTS). */
export const TEST_COST = { N: 1024, r: 8, p: 1 } as const

/** A database to test on: its URL, its documents folder, and how to remove both. */
export interface TestDatabase {
  readonly kind: Exclude<StorageKind, "memory">
  readonly url: string
  readonly documentsDir: string
  readonly remove: () => Promise<void>
}

export async function testDatabase(kind: "sqlite" | "postgres"): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "motcua-api-"))
  const documentsDir = join(dir, "documents")
  const cleanDir = () => rmSync(dir, { recursive: true, force: true })
  if (kind === "sqlite")
    return { kind, url: `sqlite:${join(dir, "motcua.sqlite")}`, documentsDir, remove: async () => cleanDir() }
  const adminUrl = testPostgresUrl()
  if (adminUrl === undefined) throw new Error("MOTCUA_TEST_PG_URL is not set")
  const database = await freshPostgresDatabase(adminUrl, "motcua_api")
  return {
    kind,
    url: database.url,
    documentsDir,
    remove: async () => {
      await database.drop()
      cleanDir()
    },
  }
}

/**
 * Declares `body` once per database: SQLite always; PostgreSQL when MOTCUA_TEST_PG_URL is set, else skipped on a
 * developer's machine and FAILED when CI is set (describeOnPostgres, shared with storage-sql and the CLI).
 */
export function onEachDatabase(title: string, body: (kind: "sqlite" | "postgres") => void): void {
  describe(`${title} — SQLite`, () => body("sqlite"))
  describeOnPostgres(`${title} — PostgreSQL`, () => body("postgres"))
}

// The test clock's start (Monday 6 October 2025, 08:00 in Vietnam), its units, the online filing of permanent
// residence registration in Hồng Gai and a small PDF: the same fixtures as the use-case tests.
export { DAY, HOUR, MINUTE, pdf, residenceFiling, START }

export interface TestSystem {
  readonly app: ReturnType<typeof createApp>
  readonly runtime: ApiRuntime
  readonly advance: (ms: number) => void
  /** The test clock's current time in milliseconds. */
  readonly now: () => number
  /** Runs raw SQL on the database (tampering tests). */
  readonly rawSql: (text: string) => Promise<void>
  readonly close: () => Promise<void>
}

/** The app over a fresh database (or memory) with the demo accounts seeded and a clock stopped at START. */
export async function testSystem(
  kind: StorageKind,
  options: {
    readonly documentLimit?: number
    readonly stagedBytesPerPrincipal?: number
    /** More of the runtime's options (the payment gateway, transfer notices, …). */
    readonly runtime?: Partial<RuntimeOptions>
    /** Citizen sign-in with an OpenID provider (identity-oidc's test provider). */
    readonly eid?: RuntimeOptions["eid"] & { readonly minimumLevel?: number }
    /** X.509 signing of results (signature-x509); the development signer otherwise. */
    readonly signer?: X509SignerSettings
    readonly publicUrl?: string
  } = {},
): Promise<TestSystem> {
  const database = kind === "memory" ? undefined : await testDatabase(kind)
  let millis = Date.parse(START)
  const runtime = await createRuntime({
    ...options.runtime,
    data,
    now: () => new Date(millis),
    ...(database === undefined ? {} : { databaseUrl: database.url, documentsDir: database.documentsDir }),
    ...(options.eid === undefined ? {} : { eid: options.eid }),
    ...(options.signer === undefined ? {} : { signer: options.signer }),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
  })
  await seedDemoAccounts(runtime, { cost: TEST_COST })
  const app = createApp({
    ...data,
    logger: memoryLogger(),
    now: () => new Date(millis),
    runtime,
    secureCookies: false,
    ...(options.documentLimit === undefined ? {} : { documentLimit: options.documentLimit }),
    ...(options.stagedBytesPerPrincipal === undefined
      ? {}
      : { stagedBytesPerPrincipal: options.stagedBytesPerPrincipal }),
    ...(options.eid === undefined
      ? {}
      : { eid: { redirectUri: options.eid.redirectUri, minimumLevel: options.eid.minimumLevel ?? 2 } }),
  })
  return {
    app,
    runtime,
    advance: (ms) => {
      millis += ms
    },
    now: () => millis,
    rawSql: async (text) => {
      const run = await runtime.run(
        SqlDatabase.use(({ db }) =>
          Effect.promise(() => sql.raw(text).execute(db as unknown as Kysely<unknown>)),
        ) as never,
      )
      if (run._tag === "Failure") throw run.failure
    },
    close: async () => {
      await runtime.dispose()
      await database?.remove()
    },
  }
}

type App = TestSystem["app"]

/** How a test client authenticates. */
export interface Credentials {
  readonly headers: Record<string, string>
}

/** Signs in with a demo account; the credentials carry the session cookie and its CSRF token. */
export async function officer(app: App, username: string, password = DEMO_PASSWORD): Promise<Credentials> {
  return { headers: await sessionHeaders(app, username, password) }
}

export const citizen = (citizenId = "022090001234"): Credentials => ({
  headers: { authorization: `Bearer demo-citizen-${citizenId}` },
})
export const gateway = (): Credentials => ({ headers: { authorization: `Bearer ${DEMO_GATEWAY_KEY}` } })

/** Sends JSON as `who`. */
export function send(
  app: App,
  who: Credentials | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method,
    headers: {
      ...(who?.headers ?? {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/**
 * Officers by username, signed in when first asked and again once their session is older than 8 hours of the test
 * clock (sessions expire like real ones do while the tests move time by days).
 */
export function officers(system: TestSystem): (username: string) => Promise<Credentials> {
  const sessions = new Map<string, { credentials: Credentials; at: number }>()
  return async (username) => {
    const known = sessions.get(username)
    if (known !== undefined && system.now() - known.at < 8 * HOUR) return known.credentials
    const credentials = await officer(system.app, username)
    sessions.set(username, { credentials, at: system.now() })
    return credentials
  }
}
