// Schemas shared by several routes' inputs and outputs.
import { Schema } from "effect"

/** Free text in a query: bounded, so a huge parameter is a 400 rather than work. */
export const QueryText = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))

/** A count (items, entries, bytes, a sequence number): a whole number, never negative. */
export const Count = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))

/** A dossier's version: 1 when filed, one more per accepted action. */
export const Version = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1))

/** A list answer: how many items, and the items. */
export const listOf = <S extends Schema.Top>(item: S, identifier: string) =>
  Schema.Struct({ total: Count, items: Schema.Array(item) }).annotate({ identifier })

/** The value of a list answer (`listOf`): how many items, and the items. */
export const asList = <A>(items: ReadonlyArray<A>) => ({ total: items.length, items })
