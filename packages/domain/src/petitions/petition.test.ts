// Petitions (phản ánh, kiến nghị): the lifecycle, its refusals, and 5.2's deadlines (15 / 2 / 5 / 2 working days)
// on the centre's calendar, with the facts the index counts.
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeCalendar } from "../calendar/index.ts"
import { petitionOnTimeAt } from "../indicators/tally.ts"
import {
  decidePetition,
  decodePetitionEvent,
  filePetition,
  type Petition,
  type PetitionEvent,
  petitionFacts,
  petitionLateAt,
  publishedView,
} from "./petition.ts"

const calendar = makeCalendar({})
const oct = (day: number, time: string) => `2025-10-${String(day).padStart(2, "0")}T${time}:00+07:00`
const officer = { id: "cv-01", role: "specialist" }
const sender = { id: "022090001234", name: "Nguyễn Văn An", phone: "0912345678" }

// Sent Monday 6 October 2025 at 08:00: handling due Monday 27 (15 working days), refusal Wednesday 8 (2),
// more information Monday 13 (5).
const sent = () =>
  filePetition({
    id: "pa-1",
    at: oct(6, "08:00"),
    sender,
    filing: { dossierCode: "000.11.50.H49-251006-0001", content: "Hồ sơ của tôi quá hạn mà chưa có thư xin lỗi" },
    agencyCode: "000.11.50.H49",
    unitCode: "06685",
    calendar,
  })

function walk(p: Petition, steps: ReadonlyArray<readonly [string, PetitionEvent, { id: string; role: string }?]>) {
  let current = p
  for (const [at, event, actor] of steps) {
    const next = decidePetition(calendar, current, event, at, actor ?? officer)
    if (Result.isFailure(next)) throw new Error(`${event.type} at ${at}: ${JSON.stringify(next.failure)}`)
    current = next.success
  }
  return current
}

const classify: PetitionEvent = { type: "classify", kind: "feedback", topic: "delay" }
const answer: PetitionEvent = { type: "answer", text: "Đơn vị đã gửi thư xin lỗi và hẹn lại ngày trả kết quả." }

describe("deadlines", () => {
  it("are fixed when it is sent, in working days on the calendar", () => {
    expect(sent().due).toEqual({
      handling: oct(27, "08:00"),
      refusal: oct(8, "08:00"),
      supplementationRequest: oct(13, "08:00"),
    })
  })

  it("classified, answered and published in time: on time, and shown publicly without the sender", () => {
    const p = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(10, "09:00"), answer],
      [oct(13, "09:00"), { type: "publish" }],
    ])
    expect(p.status).toBe("published")
    expect(p.due.publication).toBe(oct(14, "09:00"))
    expect(petitionLateAt(p)).toBeUndefined()
    expect(petitionFacts(p)).toEqual({
      id: "pa-1",
      agencyCode: "000.11.50.H49",
      unitCode: "06685",
      procedureCode: null,
      dossierCode: "000.11.50.H49-251006-0001",
      sentAt: "2025-10-06T01:00:00.000Z",
      classified: true,
      endedAt: "2025-10-13T02:00:00.000Z",
      dueAt: "2025-10-14T02:00:00.000Z",
      lateAt: null,
      notSatisfied: false,
      rePetitioned: false,
    })
    expect(petitionFacts(p, "1.004222").procedureCode).toBe("1.004222")
    expect(JSON.stringify(publishedView(p))).not.toContain(sender.id)
  })

  it("refused after 2 working days: late from the refusal deadline", () => {
    const onTime = walk(sent(), [[oct(8, "08:00"), { type: "refuse", reason: "Không thuộc thẩm quyền" }]])
    expect(petitionLateAt(onTime)).toBeUndefined()
    const late = walk(sent(), [[oct(8, "08:01"), { type: "refuse", reason: "Không thuộc thẩm quyền" }]])
    expect(petitionLateAt(late)).toBe(oct(8, "08:00"))
  })

  it("more information asked for after 5 working days: late", () => {
    const p = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(13, "09:00"), { type: "requestSupplement", what: "Mã hồ sơ và ngày hẹn" }],
    ])
    expect(petitionLateAt(p)).toBe(oct(13, "08:00"))
  })

  it("published more than 2 working days after its answer, or after 15 working days: late", () => {
    const slowToPublish = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(10, "09:00"), answer],
      [oct(15, "09:00"), { type: "publish" }],
    ])
    expect(petitionLateAt(slowToPublish)).toBe(oct(14, "09:00"))
    const slowToAnswer = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(27, "09:00"), answer],
      [oct(27, "10:00"), { type: "publish" }],
    ])
    expect(petitionLateAt(slowToAnswer)).toBe(oct(27, "08:00"))
  })

  it("unfinished at the end of a period: on time while its deadline has not passed", () => {
    const facts = petitionFacts(walk(sent(), [[oct(6, "10:00"), classify]]))
    expect(petitionOnTimeAt(facts, "2025-10-26T17:00:00.000Z")).toBe(true)
    expect(petitionOnTimeAt(facts, "2025-10-31T17:00:00.000Z")).toBe(false)
  })
})

describe("the lifecycle refuses what does not fit", () => {
  const refusal = (p: Petition, at: string, event: PetitionEvent, actor = officer) => {
    const r = decidePetition(calendar, p, event, at, actor)
    if (Result.isSuccess(r)) throw new Error("expected a refusal")
    return r.failure
  }

  it("answering before classifying, publishing before answering", () => {
    expect(refusal(sent(), oct(6, "09:00"), answer)).toEqual({
      _tag: "NotAllowedInPetitionState",
      status: "received",
      event: "answer",
    })
    expect(refusal(walk(sent(), [[oct(6, "10:00"), classify]]), oct(6, "11:00"), { type: "publish" })._tag).toBe(
      "NotAllowedInPetitionState",
    )
  })

  it("more information is asked for once only", () => {
    const p = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(7, "09:00"), { type: "requestSupplement", what: "Mã hồ sơ" }],
      [oct(8, "09:00"), { type: "supplementReceived", addition: "Mã hồ sơ là …" }],
    ])
    expect(p.status).toBe("classified")
    expect(refusal(p, oct(8, "10:00"), { type: "requestSupplement", what: "Thêm" })).toEqual({
      _tag: "SupplementAlreadyRequested",
      at: oct(7, "09:00"),
    })
  })

  it("waiting for the sender's supplement does not pause the 15 working days (decision-766: published ≤ sent + 15)", () => {
    const waited = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(7, "09:00"), { type: "requestSupplement", what: "Mã hồ sơ" }],
      // the sender takes a week to answer: the handling deadline stays where the sending put it
      [oct(14, "09:00"), { type: "supplementReceived", addition: "Mã hồ sơ là …" }],
    ])
    expect(waited.due.handling).toBe(sent().due.handling)
    const published = walk(waited, [
      [oct(27, "09:00"), answer],
      [oct(27, "10:00"), { type: "publish" }],
    ])
    expect(petitionLateAt(published)).toBe(oct(27, "08:00"))
    const inTime = walk(waited, [
      [oct(24, "09:00"), answer],
      [oct(24, "10:00"), { type: "publish" }],
    ])
    expect(petitionLateAt(inTime)).toBeUndefined()
  })

  it("a rating: by the sender, once, after publication; 'not satisfied' counts against 5.3", () => {
    const published = walk(sent(), [
      [oct(6, "10:00"), classify],
      [oct(7, "09:00"), answer],
      [oct(7, "10:00"), { type: "publish" }],
    ])
    const citizen = { id: sender.id, role: "citizen" }
    expect(
      refusal(published, oct(8, "09:00"), { type: "rate", satisfied: true }, { id: "other", role: "citizen" }),
    ).toEqual({ _tag: "NotTheSender", actorId: "other" })
    const rated = walk(published, [[oct(8, "09:00"), { type: "rate", satisfied: false }, citizen]])
    expect(petitionFacts(rated).notSatisfied).toBe(true)
    expect(refusal(rated, oct(9, "09:00"), { type: "rate", satisfied: true }, citizen)).toEqual({
      _tag: "AlreadyRated",
      at: oct(8, "09:00"),
    })
    expect(refusal(sent(), oct(6, "09:00"), { type: "rate", satisfied: true }, citizen)._tag).toBe(
      "NotAllowedInPetitionState",
    )
  })

  it("events may not go back in time", () => {
    const p = walk(sent(), [[oct(7, "10:00"), classify]])
    expect(refusal(p, oct(7, "09:00"), answer)).toEqual({
      _tag: "InstantBeforeLastEvent",
      at: oct(7, "09:00"),
      last: oct(7, "10:00"),
    })
  })

  it("a malformed event is refused with every problem's path", () => {
    const decoded = decodePetitionEvent({ type: "classify", kind: "complaint", topic: "delay", extra: 1 })
    expect(Result.isFailure(decoded)).toBe(true)
    const message = Result.isFailure(decoded) ? decoded.failure.message : ""
    expect(message).toContain("kind")
    expect(message).toContain("extra")
  })
})

const anyEvent: fc.Arbitrary<PetitionEvent> = fc.oneof(
  fc.constant(classify),
  fc.constant<PetitionEvent>({ type: "refuse", reason: "x" }),
  fc.constant<PetitionEvent>({ type: "requestSupplement", what: "x" }),
  fc.constant<PetitionEvent>({ type: "supplementReceived", addition: "x" }),
  fc.constant(answer),
  fc.constant<PetitionEvent>({ type: "publish" }),
  fc.boolean().map((satisfied): PetitionEvent => ({ type: "rate", satisfied })),
)

test.prop([fc.array(fc.tuple(anyEvent, fc.integer({ min: 0, max: 3 * 24 * 60 })), { maxLength: 12 })])(
  "any sequence: every answer is a petition or a refusal that changes nothing; ended petitions stay ended",
  (steps) => {
    let p = sent()
    let ms = Date.parse(p.sentAt)
    for (const [event, minutes] of steps) {
      ms += minutes * 60_000
      const at = new Date(ms).toISOString()
      const before = JSON.stringify(p)
      const next = decidePetition(
        calendar,
        p,
        event,
        at,
        event.type === "rate" ? { id: sender.id, role: "citizen" } : officer,
      )
      if (Result.isFailure(next)) {
        expect(JSON.stringify(p)).toBe(before)
        continue
      }
      if (p.status === "refused") throw new Error("a refused petition took an event")
      if (p.status === "published") expect(event.type).toBe("rate")
      p = next.success
    }
    const facts = petitionFacts(p)
    expect(facts.endedAt !== null).toBe(p.status === "published" || p.status === "refused")
  },
)
