// The citizen's electronic data store (kho dữ liệu điện tử, Decree 45/2020 art. 16): per citizen, their digitised
// papers and the results of their dossiers, with the document type, validity and the dossier they came from, so a
// later filing can take a paper from it instead of uploading it again. The store keeps the bytes with the entry
// (a wallet outlives any dossier, unlike staged uploads). memory here; storage-sql's table `wallet_entry`.
import { Context, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { DocumentMediaType, Instant } from "./records.ts"

export interface WalletEntry {
  readonly id: string
  /** The citizen's personal identification number. */
  readonly ownerId: string
  /** A paper the citizen (or an officer) digitised, or a result of a dossier. */
  readonly kind: "paper" | "result"
  /** What it is: the required document's id in the catalogue (`ct01`), or the national document code. */
  readonly documentType: string
  readonly name: string
  readonly mediaType: DocumentMediaType
  readonly size: number
  readonly sha256: string
  /** `YYYY-MM-DD`, when the paper says. */
  readonly validFrom?: string
  readonly validUntil?: string
  /** The dossier it came from (a result, or a paper digitised at its intake). */
  readonly dossierCode?: string
  readonly createdAt: Instant
  /** A result replaced by a corrected one: the entry of the result that replaced it (kept, marked, not deleted). */
  readonly replacedBy?: string
}

export interface WalletStoreShape {
  readonly add: (entry: WalletEntry, bytes: Uint8Array) => Effect.Effect<void, StoreUnavailable>
  /** The owner's entries, newest first. */
  readonly list: (ownerId: string) => Effect.Effect<ReadonlyArray<WalletEntry>, StoreUnavailable>
  readonly get: (id: string) => Effect.Effect<WalletEntry | undefined, StoreUnavailable>
  readonly content: (id: string) => Effect.Effect<Uint8Array | undefined, StoreUnavailable>
  /** Marks an entry replaced by another (a result by its corrected one); false when there is no such entry. */
  readonly markReplaced: (id: string, replacedBy: string) => Effect.Effect<boolean, StoreUnavailable>
  /** Removes the entry; answers whether there was one. */
  readonly remove: (id: string) => Effect.Effect<boolean, StoreUnavailable>
  /** How many entries and bytes the owner keeps (for the quota). */
  readonly usage: (
    ownerId: string,
  ) => Effect.Effect<{ readonly count: number; readonly bytes: number }, StoreUnavailable>
}

export const makeMemoryWalletStore = (): WalletStoreShape => {
  const entries = new Map<string, { entry: WalletEntry; bytes: Uint8Array }>()
  const of = (ownerId: string) => [...entries.values()].filter((e) => e.entry.ownerId === ownerId)
  return {
    add: (entry, bytes) => Effect.sync(() => void entries.set(entry.id, { entry, bytes: new Uint8Array(bytes) })),
    list: (ownerId) =>
      Effect.sync(() =>
        of(ownerId)
          .map((e) => e.entry)
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1)),
      ),
    get: (id) => Effect.sync(() => entries.get(id)?.entry),
    content: (id) => Effect.sync(() => entries.get(id)?.bytes),
    markReplaced: (id, replacedBy) =>
      Effect.sync(() => {
        const found = entries.get(id)
        if (found === undefined) return false
        entries.set(id, { ...found, entry: { ...found.entry, replacedBy } })
        return true
      }),
    remove: (id) => Effect.sync(() => entries.delete(id)),
    usage: (ownerId) =>
      Effect.sync(() => {
        const mine = of(ownerId)
        return { count: mine.length, bytes: mine.reduce((sum, e) => sum + e.entry.size, 0) }
      }),
  }
}

export class WalletStore extends Context.Service<WalletStore, WalletStoreShape>()("@motcua/application/WalletStore") {
  /** In memory, for one process (tests, the API without a database). */
  static readonly layerMemory = Layer.sync(WalletStore, makeMemoryWalletStore)
}
