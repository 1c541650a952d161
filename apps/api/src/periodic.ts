// A task run again and again in the background of the server (the outbox relay, the clean-up of sessions and staged
// documents): the next run is scheduled when the previous one ends, so runs never overlap however long one takes;
// a run that says there is more to do is followed at once (up to a limit, so that other work gets its turn). A
// failed run is logged and the schedule goes on. `stop` cancels the next run and waits for the one in flight.
import type { Logger } from "./logging.ts"

export interface PeriodicTask {
  /** Stops scheduling and resolves when the run in flight (if any) has ended. */
  readonly stop: () => Promise<void>
  /** Runs now (when no run is in flight) and resolves when it ends: tests and "relay now" use it. */
  readonly runNow: () => Promise<void>
}

export interface PeriodicOptions {
  readonly name: string
  readonly intervalMs: number
  readonly logger: Logger
  /** Consecutive immediate runs allowed while the task reports more work (10 by default). */
  readonly maxBurst?: number
}

/** Starts `task` after `intervalMs`, then every `intervalMs` after each run; `task` resolves true when there is more. */
export function startPeriodic(options: PeriodicOptions, task: () => Promise<boolean>): PeriodicTask {
  const maxBurst = options.maxBurst ?? 10
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> | undefined

  const runBurst = async () => {
    for (let run = 0; run < maxBurst && !stopped; run++) {
      let more: boolean
      try {
        more = await task()
      } catch (error) {
        options.logger.log("error", `${options.name} failed`, { error })
        return
      }
      if (!more) return
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      timer = undefined
      void start().then(schedule)
    }, options.intervalMs)
    // a pending run must not keep the process alive on its own
    timer.unref()
  }
  const start = (): Promise<void> => {
    inFlight ??= runBurst().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }
  schedule()
  return {
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await inFlight
    },
    runNow: () => (stopped ? Promise.resolve() : start()),
  }
}
