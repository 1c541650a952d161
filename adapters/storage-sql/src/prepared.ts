// Hot queries are built and compiled once, when the storage starts, not on every call: building a kysely query
// and compiling it costs more than SQLite takes to run it. A query is written with `param("name")` in place of each
// value; compiling it gives SQL text with placeholders and a parameter list in which the sentinels mark the slots.
// At run time `bind` fills the slots from a record, and the compiled query goes to the executor (connection.ts)
// without being built or compiled again. On SQLite the statement cache in sqlite.ts then reuses the prepared statement, since the
// SQL text is the same string every time.
import type { CompiledQuery } from "kysely"

const SENTINEL = "\u0000motcua-param:"

/** A placeholder for a value given at run time. Typed as whatever the query expects there. */
export const param = <T = never>(name: string): T => `${SENTINEL}${name}` as unknown as T

type Slot = { readonly name: string } | { readonly value: unknown }

export interface PreparedQuery<Row> {
  readonly compiled: CompiledQuery<Row>
  readonly slots: ReadonlyArray<Slot>
  readonly names: ReadonlySet<string>
}

export function prepare<Row>(compiled: CompiledQuery<Row>): PreparedQuery<Row> {
  const slots = compiled.parameters.map(
    (value): Slot =>
      typeof value === "string" && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) } : { value },
  )
  const names = new Set(slots.flatMap((slot) => ("name" in slot ? [slot.name] : [])))
  return { compiled, slots, names }
}

/** The compiled query with every named parameter taken from `values`, ready for an executor (connection.ts). */
export function bind<Row>(query: PreparedQuery<Row>, values: Readonly<Record<string, unknown>>): CompiledQuery<Row> {
  const parameters = query.slots.map((slot) => {
    if (!("name" in slot)) return slot.value
    const value = values[slot.name]
    if (value === undefined) throw new TypeError(`prepared query: no value for parameter "${slot.name}"`)
    return value
  })
  return { ...query.compiled, parameters }
}
