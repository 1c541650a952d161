// What the development adapters (dev/*.ts) do instead of reaching the outside world: each call becomes one summary
// line, with no personal data in it, handed to a sink (the server's logger) and kept in a bounded list for
// inspection. Unlike the test layers' CallLog, which keeps every call and its whole input forever, this holds at most
// `capacity` summaries: a server that runs for months does not grow.
import { Context, Effect, Layer } from "effect"

/** One call of a development adapter: which port, which operation, and fields that identify it without a person. */
export interface DevelopmentCall {
  readonly port: string
  readonly operation: string
  readonly fields: Readonly<Record<string, string | number | boolean | null>>
}

export interface DevelopmentCallsShape {
  /** Keeps the call (dropping the oldest beyond the capacity) and hands it to the sink. */
  readonly record: (call: DevelopmentCall) => Effect.Effect<void>
  /** The last calls kept, oldest first, of one port (and operation) or of all. */
  readonly recent: (port?: string, operation?: string) => ReadonlyArray<DevelopmentCall>
  /** How many calls were recorded since the start, kept or not. */
  readonly total: () => number
}

export interface DevelopmentCallsOptions {
  /** How many calls to keep (1000 by default). */
  readonly capacity?: number
  /** Where each call goes as it happens (the server's logger); nowhere by default. */
  readonly sink?: (call: DevelopmentCall) => void
}

export const DEFAULT_RECENT_CAPACITY = 1000

/** A ring of the last `capacity` calls. */
export const makeDevelopmentCalls = (options: DevelopmentCallsOptions = {}): DevelopmentCallsShape => {
  const capacity = options.capacity ?? DEFAULT_RECENT_CAPACITY
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`DevelopmentCalls: capacity must be a whole number ≥ 1, got ${capacity}`)
  const ring: DevelopmentCall[] = []
  let next = 0
  let count = 0
  return {
    record: (call) =>
      Effect.sync(() => {
        if (ring.length < capacity) ring.push(call)
        else ring[next] = call
        next = (next + 1) % capacity
        count += 1
        options.sink?.(call)
      }),
    recent: (port, operation) => {
      const ordered = ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)]
      return ordered.filter(
        (c) => (port === undefined || c.port === port) && (operation === undefined || c.operation === operation),
      )
    },
    total: () => count,
  }
}

export class DevelopmentCalls extends Context.Service<DevelopmentCalls, DevelopmentCallsShape>()(
  "@motcua/application/DevelopmentCalls",
) {
  static readonly layer = (options: DevelopmentCallsOptions = {}) =>
    Layer.sync(DevelopmentCalls, () => makeDevelopmentCalls(options))
}

/** A recipient (phone, e-mail, account id) reduced to its last 3 characters, enough to tell two apart in a log. */
export const maskedRecipient = (recipient: string): string =>
  recipient.length <= 3 ? "***" : `***${recipient.slice(-3)}`
