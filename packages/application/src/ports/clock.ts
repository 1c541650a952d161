// The application's clock: "now" as an instant in the stored form (ISO-8601 UTC with milliseconds). The domain has
// no clock; every event's `at` comes from here. The test layer is a clock that only moves when told to, and it also
// drives effect's own Clock so that the storage ports (outbox leases, document ages) see the same time.
import { Context, Effect, Clock as EffectClock, Layer } from "effect"
import { type Instant, instantOf } from "./records.ts"

export interface ClockShape {
  readonly now: Effect.Effect<Instant>
}

/** Moves a test clock: the only way time passes in tests. */
export interface TestClockControl {
  /** Moves the clock forward by `ms` milliseconds (never backwards: a negative amount is refused). */
  readonly advance: (ms: number) => Effect.Effect<void>
  /** Sets the clock to `instant`, which must not be before the current time. */
  readonly set: (instant: string) => Effect.Effect<void>
  /** The current time, synchronously (for building expectations). */
  readonly current: () => Instant
}

export class Clock extends Context.Service<Clock, ClockShape>()("@motcua/application/Clock") {
  /** The system's wall clock, through effect's Clock. */
  static readonly layer = Layer.succeed(Clock, Clock.of({ now: Effect.map(EffectClock.currentTimeMillis, instantOf) }))

  /** A clock stopped at `start` that moves only through {@link TestClock}. Provides effect's Clock too. */
  static readonly layerTest = (start: string) =>
    Layer.effectContext(
      Effect.sync(() => {
        const parsed = Date.parse(start)
        if (Number.isNaN(parsed)) throw new RangeError(`Clock.layerTest: "${start}" is not an instant`)
        let millis = parsed
        const move = (to: number, what: string) =>
          Effect.sync(() => {
            if (!Number.isFinite(to) || to < millis) {
              throw new RangeError(`test clock: ${what} would move time backwards (${instantOf(millis)})`)
            }
            millis = to
          })
        const control: TestClockControl = {
          advance: (ms) => move(millis + ms, `advance(${ms})`),
          set: (instant) => move(Date.parse(instant), `set(${instant})`),
          current: () => instantOf(millis),
        }
        const effectClock: EffectClock.Clock = {
          currentTimeMillisUnsafe: () => millis,
          currentTimeMillis: Effect.sync(() => millis),
          currentTimeNanosUnsafe: () => BigInt(millis) * 1_000_000n,
          currentTimeNanos: Effect.sync(() => BigInt(millis) * 1_000_000n),
          monotonicTimeNanosUnsafe: () => BigInt(millis) * 1_000_000n,
          monotonicTimeNanos: Effect.sync(() => BigInt(millis) * 1_000_000n),
          sleep: () => Effect.void,
        }
        return Context.make(Clock, Clock.of({ now: Effect.sync(() => instantOf(millis)) })).pipe(
          Context.add(TestClock, control),
          Context.add(EffectClock.Clock, effectClock),
        )
      }),
    )
}

/** Control of the test clock (provided by `Clock.layerTest`). */
export class TestClock extends Context.Service<TestClock, TestClockControl>()("@motcua/application/TestClock") {}
