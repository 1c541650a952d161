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

/** The parameter list of `query` with every named parameter taken from `values`. */
export function bindParameters(query: PreparedQuery<unknown>, values: Readonly<Record<string, unknown>>): unknown[] {
  const slots = query.slots
  const parameters = new Array<unknown>(slots.length)
  for (let i = 0; i < slots.length; i += 1) {
    const slot = slots[i] as Slot
    if (!("name" in slot)) {
      parameters[i] = slot.value
      continue
    }
    const value = values[slot.name]
    if (value === undefined) throw new TypeError(`prepared query: no value for parameter "${slot.name}"`)
    parameters[i] = value
  }
  return parameters
}

/** The compiled query with every named parameter taken from `values`, ready for an executor (connection.ts). */
export function bind<Row>(query: PreparedQuery<Row>, values: Readonly<Record<string, unknown>>): CompiledQuery<Row> {
  return { ...query.compiled, parameters: bindParameters(query as PreparedQuery<unknown>, values) }
}
