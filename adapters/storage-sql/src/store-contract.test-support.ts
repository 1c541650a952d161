// One store contract run on every storage: memory, a fresh SQLite file and, when a server is configured, a fresh
// PostgreSQL database. Each backend opens its own store before the contract's tests and removes what it made after.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Effect, Layer, ManagedRuntime } from "effect"
import { SqlStorage } from "./layers.ts"
import { describeOnPostgres, freshPostgresDatabase } from "./testing.ts"

type StorageLayer = ReturnType<typeof SqlStorage.layerSqlite>

export interface OpenedStore<S> {
  readonly store: S
  readonly close: () => Promise<void>
}

export interface StoreUnderTest<S, I> {
  /** The port's name, for the PostgreSQL block's title. */
  readonly port: string
  /** Names the temporary directory and the PostgreSQL database (`motcua_<slug>`). */
  readonly slug: string
  readonly memory: () => S
  /** The SQL implementation's layer, provided with a SqlStorage layer. */
  readonly sqlLayer: Layer.Layer<I, never, Layer.Success<StorageLayer>>
  /** Reads the store out of that layer, e.g. `WalletStore.useSync((s) => s)`. */
  readonly read: Effect.Effect<S, never, I>
}

export function contractOnEveryStorage<S, I>(
  subject: StoreUnderTest<S, I>,
  contract: (backend: string, open: () => Promise<OpenedStore<S>>) => void,
): void {
  const openSql = async (storage: StorageLayer): Promise<OpenedStore<S>> => {
    const runtime = ManagedRuntime.make(Layer.provideMerge(subject.sqlLayer, storage))
    return { store: await runtime.runPromise(subject.read), close: () => runtime.dispose() }
  }

  contract("memory", async () => ({ store: subject.memory(), close: async () => {} }))

  contract("SQLite", async () => {
    const dir = mkdtempSync(join(tmpdir(), `motcua-${subject.slug}-`))
    const opened = await openSql(SqlStorage.layerSqlite({ file: join(dir, "motcua.sqlite"), synchronous: "NORMAL" }))
    return {
      store: opened.store,
      close: async () => {
        await opened.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  })

  describeOnPostgres(`${subject.port} on PostgreSQL`, (adminUrl) => {
    contract("PostgreSQL", async () => {
      const database = await freshPostgresDatabase(adminUrl, `motcua_${subject.slug}`)
      const documentsDir = mkdtempSync(join(tmpdir(), `motcua-${subject.slug}-documents-`))
      const opened = await openSql(SqlStorage.layerPostgres({ url: database.url, documentsDir }))
      return {
        store: opened.store,
        close: async () => {
          await opened.close()
          await database.drop()
          rmSync(documentsDir, { recursive: true, force: true })
        },
      }
    })
  })
}
