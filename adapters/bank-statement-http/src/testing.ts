// A local stand-in for a bank's statement API (node:http on a free loopback port): the lines of each account, paged
// by a cursor that is the index of the next line; the token is checked. `answer` replaces the next answer's body
// (a malformed page, say); `down` answers 503.
import { createServer, type Server } from "node:http"

export interface StubLine {
  transactionId: string
  accountNumber: string
  amount: number
  description: string
  bookedAt: string
}

export interface BankStub {
  readonly baseUrl: string
  /** Lines per account number, oldest first: add to them as the bank books money. */
  readonly lines: Map<string, StubLine[]>
  readonly asked: Array<{ account: string; cursor: string | null; bin: string | null }>
  answer: string | undefined
  /** The account whose next page `answer` replaces (any account's when unset). */
  answerAccount: string | undefined
  down: boolean
  readonly close: () => Promise<void>
}

export async function startBankStub(token: string, pageSize = 2): Promise<BankStub> {
  const lines = new Map<string, StubLine[]>()
  const asked: BankStub["asked"] = []
  const state = { answer: undefined as string | undefined, answerAccount: undefined as string | undefined, down: false }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stub")
    const send = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json" })
      response.end(body)
    }
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, '{"error":"unauthorized"}')
    if (state.down) return send(503, '{"error":"down"}')
    const match = /^\/accounts\/([^/]+)\/transactions$/.exec(url.pathname)
    if (match === null) return send(404, '{"error":"not found"}')
    const account = decodeURIComponent(match[1] ?? "")
    const cursor = url.searchParams.get("cursor")
    asked.push({ account, cursor, bin: url.searchParams.get("bin") })
    if (state.answer !== undefined && (state.answerAccount === undefined || state.answerAccount === account)) {
      const body = state.answer
      state.answer = undefined
      return send(200, body)
    }
    const all = lines.get(account) ?? []
    const from = cursor === null ? 0 : Number(cursor.replace(/^c/, ""))
    const page = all.slice(from, from + pageSize)
    send(200, JSON.stringify({ transactions: page, nextCursor: `c${from + page.length}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
