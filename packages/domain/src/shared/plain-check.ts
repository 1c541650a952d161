/**
 * Plain structural checks to put in front of a Schema on a hot path (the domain's events, plain-events.ts; the API's
 * filing body, apps/api routes/filing-body.ts): decoding through the Schema costs more than the work it guards, and
 * nearly every input is valid. A check answers the value the Schema's decoding would (fresh objects and arrays with
 * the Schema's fields only, in its order, optional fields only when present), or `NO` for anything it does not accept
 * — which is then left to the Schema, to name the problems or accept it after all. Each user writes its Schema's
 * rules with these and proves the pair with a property test (whatever the check accepts the Schema accepts, with
 * the same value).
 */

/** What a check answers when it does not accept the input (the Schema decides then). */
export const NO: unique symbol = Symbol("not plainly valid")
export type Check<T = unknown> = (input: unknown) => T | typeof NO

/** An object literal's kind of object (not an array, a class instance or a proxy of one). */
export const isPlainObject = (input: unknown): input is Record<string, unknown> => {
  if (typeof input !== "object" || input === null) return false
  const proto = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/** `Schema.String`, with `isMinLength(min)` and `isMaxLength(max)` when given (UTF-16 code units, as it counts). */
export const text =
  (min = 0, max = Number.POSITIVE_INFINITY): Check<string> =>
  (s) =>
    typeof s === "string" && s.length >= min && s.length <= max ? s : NO

/** `Schema.String` with a pattern. */
export const pattern =
  (re: RegExp): Check<string> =>
  (s) =>
    typeof s === "string" && re.test(s) ? s : NO

/** `Schema.Literals(literals)`. */
export const oneOf =
  <L extends string>(literals: ReadonlyArray<L>): Check<L> =>
  (s) =>
    typeof s === "string" && (literals as ReadonlyArray<string>).includes(s) ? (s as L) : NO

export const boolean: Check<boolean> = (b) => (typeof b === "boolean" ? b : NO)

/** `Schema.Array(item)`, with `isMinLength(min)` and `isMaxLength(max)` when given; a fresh array. */
export const array =
  <T>(item: Check<T>, bounds: { readonly min?: number; readonly max?: number } = {}): Check<T[]> =>
  (input) => {
    if (!Array.isArray(input) || input.length < (bounds.min ?? 0)) return NO
    if (input.length > (bounds.max ?? Number.POSITIVE_INFINITY)) return NO
    const out = new Array<T>(input.length)
    for (let i = 0; i < input.length; i += 1) {
      const value = item(input[i])
      if (value === NO) return NO
      out[i] = value
    }
    return out
  }

export interface Field {
  readonly check: Check
  readonly optional: boolean
}
export const required = (check: Check): Field => ({ check, optional: false })
/** `Schema.optionalKey`: absent, or present and valid (a key present with `undefined` is left to the Schema). */
export const optional = (check: Check): Field => ({ check, optional: true })

/**
 * A `Schema.Struct`: the fields in its order, optional ones only when present. Other keys of the input are dropped,
 * as the Schema's default decoding drops them; with `excess: "refuse"` (a Schema decoded with excess properties as an
 * error) an input with another key is not accepted, and the Schema decides.
 */
export const struct = <T = unknown>(
  fields: Readonly<Record<string, Field>>,
  options: { readonly excess?: "drop" | "refuse" } = {},
): Check<T> => {
  const entries = Object.entries(fields)
  const refuseExcess = options.excess === "refuse"
  return (input) => {
    if (!isPlainObject(input)) return NO
    if (refuseExcess) for (const key in input) if (!Object.hasOwn(fields, key)) return NO
    const out: Record<string, unknown> = {}
    for (const [key, field] of entries) {
      if (!Object.hasOwn(input, key)) {
        if (field.optional) continue
        return NO
      }
      const value = field.check(input[key])
      if (value === NO) return NO
      out[key] = value
    }
    return out as T
  }
}
