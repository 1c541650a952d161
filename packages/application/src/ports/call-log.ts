// What the in-memory layers of the outside-world ports (PaymentGateway, Signer, PortalSync, Notifier, IdCardReader,
// Scanner) record: every call with its input, in order, so that tests can assert what was sent and how many times.
// Tests can also make the next calls of a port fail, to exercise retries.
import { Context, Effect, Layer } from "effect"

export interface RecordedCall {
  readonly port: string
  readonly method: string
  readonly input: unknown
}

/** A failure injected into an in-memory port. */
export class SimulatedFailure extends Error {
  constructor(port: string, method: string) {
    super(`simulated failure of ${port}.${method}`)
    this.name = "SimulatedFailure"
  }
}

export interface CallLogShape {
  readonly calls: ReadonlyArray<RecordedCall>
  /** The calls of one port (and method). */
  readonly of: (port: string, method?: string) => ReadonlyArray<RecordedCall>
  /** Makes the next `times` calls of `port` fail (they are still recorded). */
  readonly failNext: (port: string, times?: number) => void
  /** Records a call; fails it when a failure was injected for the port. Used by the in-memory layers. */
  readonly record: (port: string, method: string, input: unknown) => Effect.Effect<void, SimulatedFailure>
}

export class CallLog extends Context.Service<CallLog, CallLogShape>()("@motcua/application/CallLog") {
  /** `keep: false`: calls pass through (injected failures still apply) but are not kept (long runs: the simulation). */
  static readonly make = (options: { readonly keep?: boolean } = {}): CallLogShape => {
    const calls: RecordedCall[] = []
    const failures = new Map<string, number>()
    return {
      calls,
      of: (port, method) => calls.filter((c) => c.port === port && (method === undefined || c.method === method)),
      failNext: (port, times = 1) => {
        failures.set(port, (failures.get(port) ?? 0) + times)
      },
      record: (port, method, input) =>
        Effect.suspend(() => {
          if (options.keep !== false) calls.push({ port, method, input })
          const left = failures.get(port) ?? 0
          if (left === 0) return Effect.void
          failures.set(port, left - 1)
          return Effect.fail(new SimulatedFailure(port, method))
        }),
    }
  }
  static readonly layer = Layer.sync(CallLog, () => CallLog.make())
  /** A CallLog that keeps no call (see `make`). */
  static readonly layerUnkept = Layer.sync(CallLog, () => CallLog.make({ keep: false }))
}
