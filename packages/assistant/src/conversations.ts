// Dialogue state for follow-ups, by conversation id: the procedure and variant being discussed, the options last
// offered, the place and the fee facts the citizen gave. Kept in memory, bounded in number and forgotten after half
// an hour of silence (by the question's clock, not the machine's): a conversation is short, and nothing here is
// worth storing.
import type { Option } from "./answer.ts"
import type { QuestionFacts } from "./facts.ts"
import type { PlaceMatch } from "./places.ts"

export interface ConversationState {
  readonly facts: QuestionFacts
  readonly place?: PlaceMatch
  readonly code?: string
  readonly variantId?: string | undefined
  readonly options?: ReadonlyArray<Option>
  /** What the last answer asked for. */
  readonly pending?: "variant" | "place"
}

export const CONVERSATION_TTL_MS = 30 * 60_000
export const MAX_CONVERSATIONS = 10_000

export interface Conversations {
  readonly get: (id: string, now: string) => ConversationState | undefined
  readonly save: (id: string, state: ConversationState, now: string) => void
}

export function makeConversations(max = MAX_CONVERSATIONS, ttlMs = CONVERSATION_TTL_MS): Conversations {
  const states = new Map<string, { state: ConversationState; at: number }>()
  return {
    get: (id, now) => {
      const entry = states.get(id)
      if (entry === undefined) return undefined
      if (Date.parse(now) - entry.at > ttlMs) {
        states.delete(id)
        return undefined
      }
      return entry.state
    },
    save: (id, state, now) => {
      states.delete(id)
      states.set(id, { state, at: Date.parse(now) })
      // Maps iterate in insertion order: the first key is the conversation silent the longest.
      while (states.size > max) {
        const oldest = states.keys().next().value
        if (oldest === undefined) break
        states.delete(oldest)
      }
    },
  }
}
