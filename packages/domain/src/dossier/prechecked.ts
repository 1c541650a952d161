/**
 * Events whose checks (`checkEvent`) `decide` has just run, and on which state and context. The machine's `allowed`
 * guard runs the same checks inside every candidate transition; for an event `decide` has already checked on that
 * very state and context object it can answer without running them again. Anything else (a direct
 * `machine.transition`, another state, another context) runs the checks as before, so the answer never changes.
 * A WeakMap keyed by the decoded event object: `decide` adds the entry just before the transition and removes it
 * right after (the call is synchronous).
 */
import type { DossierContext } from "./context.ts"
import type { DossierEvent } from "./events.ts"
import type { DossierStateName } from "./status.ts"

interface Checked {
  readonly state: DossierStateName
  readonly context: DossierContext
}

const checked = new WeakMap<DossierEvent, Checked>()

/** Runs `f` with `event` marked as checked on `state` and `context`. */
export function withPrechecked<A>(
  event: DossierEvent,
  state: DossierStateName,
  context: DossierContext,
  f: () => A,
): A {
  checked.set(event, { state, context })
  try {
    return f()
  } finally {
    checked.delete(event)
  }
}

/** True when `decide` has checked this very event on this state and this very context object. */
export function isPrechecked(event: DossierEvent, state: DossierStateName, context: DossierContext): boolean {
  const entry = checked.get(event)
  return entry !== undefined && entry.state === state && entry.context === context
}
