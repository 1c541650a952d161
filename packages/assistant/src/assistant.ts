// The assistant's decisions (docs/assistant.md): read the question, find the procedure and its variant, and answer
// with the catalogue's own documents, the fees `quoteFees` computes, the appointment the calendar gives if filed now,
// the competent authority and centres for the citizen's unit, and the online filing link. It asks a follow-up when
// two procedures fit equally well, or offers the variants when the question does not say which one; it answers
// "không tìm thấy" with the closest procedures when nothing fits. Pure: the clock is an argument.
import {
  addDuration,
  applyVariant,
  type Calendar,
  type Catalogue,
  type Channel,
  type FeeQuote,
  type FeeQuoteRequest,
  type Jurisdiction,
  type Procedure,
  quoteFees,
  toVietnamTime,
} from "@motcua/domain"
import { Result } from "effect"
import type { Answer, FeeSummary, FollowUp, Option, PlaceSummary, ProcedureAnswer } from "./answer.ts"
import { type ConversationState, makeConversations } from "./conversations.ts"
import { type QuestionFacts, readFacts, withoutApplicant, withoutCounts, withResidence } from "./facts.ts"
import { type FormerUnitName, makePlaceFinder, type PlaceMatch } from "./places.ts"
import { renderAnswer } from "./render.ts"
import { type Candidate, elsewhereId, inForce, makeRetriever } from "./retrieval.ts"
import { foldedPhrase, syllables, withoutPhrase } from "./text.ts"
import type { Vocabulary } from "./vocabulary.ts"

/** Questions longer than this are cut: no procedure question needs more, and search time stays bounded. */
export const MAX_QUESTION_CHARS = 500

export interface AssistantData {
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  readonly formerUnits: ReadonlyArray<FormerUnitName>
  readonly vocabulary: Vocabulary
  readonly calendar: Calendar
  /** Where the filing form starts, e.g. `/dich-vu-cong/nop-ho-so`; the procedure and variant are added as query. */
  readonly filingLink: string
  /** The catalogue versions in force on this date are searched (`YYYY-MM-DD`). */
  readonly catalogueDate: string
}

export interface AskInput {
  readonly question: unknown
  readonly conversationId?: string
  /** The moment of the question (`+07:00` or `Z` instant): the appointment is computed from it. */
  readonly now: string
}

export interface Assistant {
  readonly ask: (input: AskInput) => Answer
  /** The procedures it searches, by code (for checks such as the model adapter's). */
  readonly procedure: (code: string) => Procedure | undefined
}

/**
 * When the best procedure is taken as found (docs/assistant.md, step 5). The defaults are the calibrated ones;
 * `eval/calibrate.ts` passes others to print the trade-off between "không tìm thấy" and top-1.
 */
export interface Detector {
  /** Below this first-stage score nothing is taken as found: the question only brushed a common word. */
  readonly minScore: number
  /** Below this share of the question's words matched, the question is about something else. */
  readonly minCoverage: number
  /**
   * Below this share of the question's weight explained by the best procedure (every word counted, a word the
   * catalogue does not know as the rarest), the question is about something the catalogue does not hold ("đổi bằng
   * lái xe": only "đổi" is the catalogue's).
   */
  readonly minExplained: number
  /**
   * A procedure the catalogue does not hold (`vocabulary.elsewhere`) is taken as what the question is about ("không
   * tìm thấy", with where to go instead) when it passes the same bars, scores at least as high as the best catalogue
   * procedure (or that one fails the bars), and explains more of the question's weight (`Candidate.explained`) than
   * that one by at least this share: it names something the catalogue's best does not ("xin visa cho người nước
   * ngoài": the work permit has "người nước ngoài", only the visa entry has "visa"). Calibrated on all sets tuned on:
   * where both pass and the entry scores at least as high, an answerable question's entry explains at most 0.005
   * more than its procedure, an unanswerable one's at least 0.037 more.
   */
  readonly elsewhereMargin: number
  /**
   * A procedure whose score is at least this many times every other entry's, and that explains at least
   * `dominantExplained` of the question's known weight (`Candidate.explained`), is dominant: its bars on the share
   * of the question's words matched and of the whole question's weight are multiplied by `dominantRelief`.
   */
  readonly dominance: number
  readonly dominantExplained: number
  readonly dominantRelief: number
}

export const DETECTOR: Detector = {
  minScore: 6,
  minCoverage: 0.25,
  minExplained: 0.25,
  elsewhereMargin: 0.02,
  dominance: 1.5,
  dominantExplained: 0.35,
  dominantRelief: 0.5,
}

/** Two procedures whose scores are within this ratio both fit: the citizen is asked. */
const TIE_RATIO = 0.85
/** How many ranked entries (catalogue procedures and out-of-catalogue entries together) are looked at. */
const RANK_LIMIT = 8
/**
 * Units that count the same papers: "4 bản" of a judicial record is four certificates, "2 phiếu" of an extract two
 * copies. A fee counted in one takes the count the question gave in the other before a count of one is assumed.
 */
const SAME_PAPERS: Readonly<Record<string, ReadonlyArray<string>>> = { certificate: ["copy"], copy: ["certificate"] }

const INSTRUCTION_ATTEMPT =
  /\b(ignore|disregard|system prompt|reveal|api key|password|bo qua|phot lo|tiet lo|cau hinh|configuration|mat khau|prompt)\b/u

/** What a conversation id may be; any other id starts a new conversation. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/u

// Random, so one citizen cannot guess another's conversation (it holds their place and counts).
const newConversationId = () => `c-${globalThis.crypto.randomUUID()}`

export function makeAssistant(data: AssistantData, detector: Detector = DETECTOR): Assistant {
  const procedures = inForce(data.catalogue, data.catalogueDate)
  const byCode = new Map(procedures.map((p) => [p.code, p]))
  const retriever = makeRetriever(procedures, data.vocabulary)
  const places = makePlaceFinder(data.jurisdiction.units, data.formerUnits)
  const conversations = makeConversations()
  const elsewhere = new Map((data.vocabulary.elsewhere ?? []).map((e) => [e.id, e]))
  const variantCues = data.vocabulary.questions
    .filter((q) => q.variantId !== undefined)
    .map((q) => ({
      code: q.code,
      variantId: q.variantId as string,
      phrases: q.phrases.map(foldedPhrase),
      unless: (q.unless ?? []).map(foldedPhrase),
    }))

  const paperVerbs = data.vocabulary.questions.flatMap((q) =>
    (q.anyPaper ?? []).map((phrase) => ({ code: q.code, phrase, folded: foldedPhrase(phrase) })),
  )

  const candidatesOf = (ranked: ReadonlyArray<{ code: string; score: number }>) =>
    ranked.map((c) => ({
      code: c.code,
      name: byCode.get(c.code)?.name ?? c.code,
      score: Math.round(c.score * 100) / 100,
    }))

  const cuedVariant = (p: Procedure, folded: string): string | undefined => {
    let best: { id: string; length: number } | undefined
    for (const cue of variantCues) {
      if (cue.code !== p.code || cue.unless.some((phrase) => folded.includes(phrase))) continue
      for (const phrase of cue.phrases)
        if (cuedIn(folded, phrase) && (best === undefined || phrase.length > best.length))
          best = { id: cue.variantId, length: phrase.length }
    }
    return best?.id
  }

  const variantOptions = (p: Procedure): Option[] => [
    { id: "1", label: `${p.name} — trường hợp thông thường`, code: p.code },
    ...p.variants.map((v, i) => ({ id: String(i + 2), label: v.name, code: p.code, variantId: v.id })),
  ]

  const quote = (p: Procedure, variantId: string | undefined, channel: Channel, facts: QuestionFacts) => {
    const request: FeeQuoteRequest = {
      channel,
      ...(variantId === undefined ? {} : { variantId }),
      ...(facts.quantities === undefined ? {} : { quantities: facts.quantities }),
      ...(facts.declaredValue === undefined ? {} : { declaredValue: facts.declaredValue }),
      ...(facts.area === undefined ? {} : { area: facts.area }),
      // Only the categories this procedure's fees know: a category another procedure exempts is not an error here.
      ...((known) => (known.length === 0 ? {} : { applicantCategories: known }))(
        (facts.categories ?? []).filter((c) => exemptionCategories(p, variantId).has(c)),
      ),
    }
    const first = quoteFees(p, request)
    if (Result.isSuccess(first)) return { quote: first.success, assumed: [], missing: [] }
    if (first.failure._tag !== "MissingFeeInput") return { missing: [first.failure.message], assumed: [] }
    // A count the citizen did not give is taken as one (one copy, one person) and said so; a value or an area
    // cannot be assumed, so those fees are left out and asked for.
    const assumed: Array<{ input: string; value: number }> = []
    const quantities: Record<string, number> = { ...facts.quantities }
    const missing: string[] = []
    for (const m of first.failure.missing) {
      if (m.input.startsWith("quantities.")) {
        const unit = m.input.slice("quantities.".length)
        const given: Readonly<Record<string, number | undefined>> = facts.quantities ?? {}
        const said = SAME_PAPERS[unit]?.map((other) => given[other]).find((n) => n !== undefined)
        if (said !== undefined) {
          quantities[unit] = said
          continue
        }
        quantities[unit] = 1
        if (!assumed.some((a) => a.input === m.input)) assumed.push({ input: m.input, value: 1 })
      } else if (!missing.includes(m.input)) missing.push(m.input)
    }
    if (missing.length > 0) return { assumed, missing }
    const second = quoteFees(p, { ...request, quantities })
    return Result.isSuccess(second)
      ? { quote: second.success, assumed, missing }
      : { assumed, missing: [second.failure.message] }
  }

  const exemptionCategories = (p: Procedure, variantId: string | undefined): Set<string> => {
    const applied = Result.getOrElse(applyVariant(p, variantId), () => p)
    return new Set(applied.fees.flatMap((f) => f.exemptions.map((e) => e.category)))
  }

  const fees = (p: Procedure, variantId: string | undefined, facts: QuestionFacts): FeeSummary => {
    const counter = p.channels.includes("counter") ? quote(p, variantId, "counter", facts) : undefined
    const online = p.channels.includes("online") ? quote(p, variantId, "online", facts) : undefined
    const counterQuote: FeeQuote | undefined = counter?.quote
    const onlineQuote: FeeQuote | undefined = online?.quote
    const saving =
      counterQuote !== undefined && onlineQuote !== undefined ? Math.max(0, counterQuote.total - onlineQuote.total) : 0
    return {
      ...(counterQuote === undefined ? {} : { counter: counterQuote }),
      ...(onlineQuote === undefined ? {} : { online: onlineQuote }),
      onlineSaving: saving,
      assumed: counter?.assumed ?? online?.assumed ?? [],
      categories: facts.categories ?? [],
      exemptible: [...exemptionCategories(p, variantId)].filter((c) => !(facts.categories ?? []).includes(c)).sort(),
      missing: [...new Set([...(counter?.missing ?? []), ...(online?.missing ?? [])])],
    }
  }

  const place = (p: Procedure, match: PlaceMatch | undefined): PlaceSummary => {
    const j = data.jurisdiction
    const a = p.authority
    const unit = match?.unit
    const agency =
      a.agencyCode !== undefined
        ? j.agencies.find((g) => g.code === a.agencyCode)
        : unit === undefined
          ? undefined
          : j.agencies.find((g) => g.kind === a.agencyKind && g.unitCode === unit.code)
    const provincial = j.intakePoints.filter((c) => c.kind === "provincial-centre")
    const local =
      unit === undefined ? [] : j.intakePoints.filter((c) => c.unitCode === unit.code && c.kind === "commune-centre")
    const posts =
      unit === undefined || !p.channels.includes("post")
        ? []
        : j.intakePoints.filter((c) => c.unitCode === unit.code && c.kind === "post-office")
    const centres = (
      a.level === "province" ? [...provincial, ...local] : [...local, ...(p.boundaryFree ? provincial : [])]
    ).concat(posts)
    return {
      authority: { title: a.title, ...(agency === undefined ? {} : { name: agency.name, code: agency.code }) },
      ...(unit === undefined
        ? {}
        : {
            unit: {
              code: unit.code,
              name: unit.name,
              ...(match?.formerName === undefined ? {} : { formerName: match.formerName }),
              ...(match?.unverified === undefined ? {} : { unverified: match.unverified }),
            },
          }),
      centres: centres.map((c) => ({ id: c.id, name: c.name, address: c.address, kind: c.kind })),
      boundaryFree: p.boundaryFree,
    }
  }

  const filingLink = (p: Procedure, variantId: string | undefined, match: PlaceMatch | undefined) => {
    if (!p.channels.includes("online") || p.onlineService === "none") return undefined
    const query = new URLSearchParams({ thuTuc: p.code })
    if (variantId !== undefined) query.set("bienThe", variantId)
    if (match !== undefined) query.set("donVi", match.unit.code)
    return `${data.filingLink}?${query.toString()}`
  }

  const procedureAnswer = (
    base: Procedure,
    variantId: string | undefined,
    facts: QuestionFacts,
    match: PlaceMatch | undefined,
    now: string,
  ): ProcedureAnswer => {
    const applied = Result.getOrElse(applyVariant(base, variantId), () => base)
    const variant = base.variants.find((v) => v.id === variantId)
    return {
      code: base.code,
      name: base.name,
      ...(base.nameEn === undefined ? {} : { nameEn: base.nameEn }),
      ...(variant === undefined ? {} : { variant: { id: variant.id, name: variant.name } }),
      documents: applied.documents,
      fees: fees(base, variantId, facts),
      time: {
        provincial: applied.provincialTime,
        appointmentIfFiledNow: toVietnamTime(addDuration(data.calendar, now, applied.provincialTime)),
      },
      place: place(base, match),
      online: {
        level: base.onlineService,
        channels: base.channels,
        ...((link) => (link === undefined ? {} : { filingLink: link }))(filingLink(base, variantId, match)),
      },
    }
  }

  const answerWith = (
    conversationId: string,
    state: ConversationState,
    code: string,
    variantId: string | undefined,
    notices: string[],
    ranked: ReadonlyArray<{ code: string; score: number }>,
    now: string,
    offerVariants: boolean,
  ): Answer => {
    const p = byCode.get(code) as Procedure
    const answer = procedureAnswer(p, variantId, state.facts, state.place, now)
    const followUp: FollowUp | undefined =
      offerVariants && variantId === undefined && p.variants.length > 0
        ? {
            question: "Thủ tục này có các trường hợp khác nhau; bạn thuộc trường hợp nào?",
            questionEn: "This procedure has several cases; which one is yours?",
            options: variantOptions(p),
          }
        : state.place === undefined && p.authority.level === "commune" && !p.boundaryFree
          ? {
              question: "Bạn ở xã, phường nào (tên cũ trước 7/2025 cũng được)? Tôi sẽ chỉ nơi nộp gần nhất.",
              questionEn: "Which commune or ward do you live in (the pre-July-2025 name is fine)?",
              options: [],
            }
          : undefined
    conversations.save(
      conversationId,
      {
        ...state,
        code,
        variantId,
        pending: followUp?.options.length ? "variant" : "place",
        // The options offered are kept whichever way this answer was reached (first question or a reply), so
        // the citizen's "2" picks from them.
        ...(followUp?.options.length ? { options: followUp.options } : {}),
      },
      now,
    )
    const rendered = renderAnswer(answer, followUp)
    return {
      conversationId,
      kind: "answer",
      text: rendered.text,
      textEn: rendered.textEn,
      citations: [code],
      procedure: answer,
      ...(followUp === undefined ? {} : { followUp }),
      candidates: candidatesOf(ranked),
      notices,
      phrasedBy: "template",
    }
  }

  const ask = (input: AskInput): Answer => {
    const conversationId =
      typeof input.conversationId === "string" && CONVERSATION_ID.test(input.conversationId)
        ? input.conversationId
        : newConversationId()
    const notices: string[] = []
    if (typeof input.question !== "string" || input.question.trim() === "") {
      return {
        conversationId,
        kind: "invalid",
        text: "Bạn hãy hỏi bằng một câu, ví dụ: “làm giấy khai sinh cho con cần gì?”",
        textEn: "Please ask a question, for example: “what do I need to register my child's birth?”",
        citations: [],
        candidates: [],
        notices,
        phrasedBy: "template",
      }
    }
    let question = input.question
    if (question.length > MAX_QUESTION_CHARS) {
      question = question.slice(0, MAX_QUESTION_CHARS)
      notices.push(
        `Câu hỏi dài quá ${MAX_QUESTION_CHARS} ký tự: chỉ phần đầu được đọc. / Only the first ${MAX_QUESTION_CHARS} characters were read.`,
      )
    }
    // The counts the question gives are read for the fee (readFacts), not searched for.
    const folded = foldedPhrase(withoutCounts(question))
    const instructed = INSTRUCTION_ATTEMPT.test(folded)
    if (instructed) {
      notices.push(
        "Tôi chỉ trả lời từ danh mục thủ tục hành chính của tỉnh và không làm theo yêu cầu khác. / I answer only from the province's procedure catalogue and follow no other instructions.",
      )
    }
    const previous = conversations.get(conversationId, input.now)
    const match = places.find(question) ?? previous?.place
    const facts = withResidence(readFacts(question, previous?.facts), question, match?.unit)
    const state: ConversationState = { facts, ...(match === undefined ? {} : { place: match }) }
    const searchText = withoutCounts(match === undefined ? question : withoutPhrase(question, match.phrase))

    // A reply to the last follow-up: an option's number or words, or just the place that was asked for.
    if (previous !== undefined && previous.code !== undefined) {
      const p = byCode.get(previous.code)
      if (p !== undefined) {
        const options = previous.options ?? []
        const reply = syllables(question).join(" ")
        const picked =
          options.find((o) => o.id === reply) ??
          (previous.pending === "variant" ? pickVariant(p, folded, cuedVariant(p, folded)) : undefined)
        if (picked !== undefined && picked.code === p.code)
          return answerWith(conversationId, state, p.code, picked.variantId, notices, [], input.now, false)
        if (picked !== undefined)
          return answerWith(conversationId, state, picked.code, picked.variantId, notices, [], input.now, true)
        const ranked = retriever.rank(searchText)
        const top = ranked[0]
        if ((top === undefined || top.lexical < detector.minScore) && (match !== undefined || facts !== previous.facts))
          return answerWith(conversationId, state, p.code, previous.variantId, notices, [], input.now, false)
      }
    }
    if (previous?.options !== undefined && previous.code === undefined) {
      const reply = syllables(question).join(" ")
      const picked = previous.options.find((o) => o.id === reply)
      if (picked !== undefined)
        return answerWith(conversationId, state, picked.code, picked.variantId, notices, [], input.now, true)
    }

    // A procedure far ahead of every other entry of a ranking, explaining most of what the catalogue knows of the
    // question, is held to lower shares of the whole question: a long question tells its story around it ("con em
    // 4 tuổi rồi mà chưa làm khai sinh, giờ làm thì có mất tiền không") in words no procedure has.
    const dominant = (c: Candidate, among: ReadonlyArray<Candidate>) => {
      const next = among.find((x) => x.code !== c.code)
      return (
        !instructed &&
        c.explained >= detector.dominantExplained &&
        (next === undefined || c.score >= detector.dominance * next.score)
      )
    }
    const foundAmong = (c: Candidate | undefined, among: ReadonlyArray<Candidate>): c is Candidate =>
      c !== undefined &&
      c.lexical >= detector.minScore &&
      c.coverage >= (instructed ? 2 : dominant(c, among) ? detector.dominantRelief : 1) * detector.minCoverage &&
      c.explainedAll >= (dominant(c, among) ? detector.dominantRelief : 1) * detector.minExplained &&
      c.namesAWord &&
      c.fits
    // Readings of part of the question come before the whole question's ranking; each answers only when what it
    // reads names a catalogue procedure that passes the bars on its own (docs/assistant.md, step 5).
    const passing = (ranking: Candidate[]): Candidate[] | undefined => {
      const lead = ranking[0]
      return lead !== undefined && elsewhereId(lead.code) === undefined && foundAmong(lead, ranking)
        ? ranking
        : undefined
    }
    // A verb that takes any paper ("sao y 4 bộ sổ đỏ", "photo công chứng giấy khai sinh"): the paper is its object,
    // so the verb's procedure is the answer when the verb alone names it clearly.
    const byPaperVerb = (): Candidate[] | undefined => {
      const verb = paperVerbs.find((v) => folded.includes(v.folded))
      if (verb === undefined || instructed) return undefined
      const ranking = passing(retriever.rank(verb.phrase, RANK_LIMIT))
      return ranking?.[0]?.code === verb.code ? ranking : undefined
    }
    // What the question asks for comes before its purpose ("trích lục khai tử của bố để làm sổ đỏ", "xin xác nhận
    // tình trạng hôn nhân để đăng ký kết hôn"): when the words before "để" name a catalogue procedure on their own,
    // that is the answer, not the paper it is for. When they name none ("cần gì để làm căn cước"), the whole
    // question is read.
    const byPurpose = (text: string): Candidate[] | undefined => {
      const head = beforePurpose(text)
      return head === undefined ? undefined : passing(retriever.rank(head, RANK_LIMIT))
    }
    // A story told in several clauses around one procedure ("hai đứa định cưới tháng sau, bạn gái em ở Móng Cái còn
    // em ở Uông Bí, đăng ký kết hôn ở đâu"): when the whole question ranks a catalogue procedure first but its story
    // words hold it under the bars, a clause that names that same procedure clearly on its own confirms it. Never
    // another procedure than the whole question's first, so a near miss is not answered by a clause of it; never
    // for a question that tries to instruct the assistant (held to stricter bars, not relieved), nor when an
    // out-of-catalogue entry is clearly named.
    const byClause = (text: string, whole: Candidate[]): Candidate[] | undefined => {
      const first = whole.find((c) => elsewhereId(c.code) === undefined)
      const outsideNamed = whole.some((c) => elsewhereId(c.code) !== undefined && foundAmong(c, whole))
      if (instructed || outsideNamed || first === undefined) return undefined
      const firstCode = first.code
      if (foundAmong(first, whole)) return undefined
      for (const clause of text.split(/[,;.!?\n]+/u)) {
        if (clause.trim() === "" || clause.trim() === text.trim()) continue
        const ranking = passing(retriever.rank(clause, RANK_LIMIT))
        if (ranking?.[0]?.code === firstCode) return ranking
      }
      return undefined
    }
    // The readings of a text: its purpose clause, a clause confirming its first, or the whole of it.
    const readingOf = (text: string): Candidate[] => {
      const whole = retriever.rank(text, RANK_LIMIT)
      return byPurpose(text) ?? byClause(text, whole) ?? whole
    }
    // Whether a reading answers one catalogue procedure clearly: it comes first, passes the bars, and no other ties it.
    const answersOne = (read: Candidate[]): boolean => {
      const [lead, next] = read.filter((c) => elsewhereId(c.code) === undefined)
      return (
        lead !== undefined &&
        lead.code === read[0]?.code &&
        foundAmong(lead, read) &&
        (next === undefined || next.score < lead.score * TIE_RATIO)
      )
    }
    // What the citizen already has or has done is the story's setting ("nhà em đã có sổ đỏ, giờ muốn xây nhà 2
    // tầng", "giấy chứng sinh cấp rồi, giờ làm khai sinh"): when the question read whole answers no single catalogue
    // procedure — none passes, two tie, or an out-of-catalogue entry (the paper held) comes first — and the question
    // read without it names one clearly, that one was asked for. A question read whole that answers one procedure
    // clearly is left as it is: the paper held may have helped say which ("đã có giấy chứng sinh, giờ làm khai
    // sinh"), and the story without it may name a neighbour ("… quen nhau 3 năm rồi, giờ đăng ký kết hôn").
    const byWhatIsWanted = (read: Candidate[]): Candidate[] | undefined => {
      const wanted = withoutWhatIsHad(searchText)
      if (wanted === searchText || instructed) return undefined
      const ranking = passing(readingOf(wanted))
      return answersOne(read) ? undefined : ranking
    }
    // Who the citizen is ("thương binh", "hộ nghèo", "người khuyết tật") says who asks, and the fee they may be
    // spared, not what they ask for: when the question read whole answers no one procedure clearly — an
    // out-of-catalogue entry takes it ("chế độ người có công"), or two procedures tie ("cho người" of the first card's
    // name) — and the question read without those words names a catalogue procedure clearly ("thương binh đổi thẻ
    // căn cước"), that one was asked for. A question about the category itself ("trợ cấp thương binh") keeps its
    // entry: what is left of it still brings the entry up.
    // So is what the citizen asks whether they must do, in a setting the catalogue lacks ("đi xuất khẩu lao động 2
    // năm có cần báo vắng ở công an xã không": the absence, not the labour export).
    const byWhatIsAsked = (read: Candidate[]): Candidate[] | undefined => {
      const lead = read[0]
      if (lead === undefined || instructed || answersOne(read)) return undefined
      const outsideFirst = elsewhereId(lead.code) !== undefined
      for (const asked of outsideFirst
        ? [withoutApplicant(searchText), whatIsNeeded(searchText)]
        : [withoutApplicant(searchText)]) {
        if (asked === undefined || asked === searchText) continue
        const ranking = passing(readingOf(asked))
        const first = ranking?.[0]
        // Nor when what is left is as near an out-of-catalogue entry ("hỗ trợ tiền điện cho hộ nghèo": "hỗ trợ" is
        // the funeral support's and the disaster relief's alike).
        const outsideStays = ranking?.some(
          (c) =>
            elsewhereId(c.code) !== undefined &&
            ((c.code === lead.code && c.lexical >= detector.minScore) ||
              (first !== undefined && c.score >= first.score * TIE_RATIO)),
        )
        if (ranking !== undefined && !outsideStays) return ranking
      }
      return undefined
    }
    const read = readingOf(searchText)
    const all = byPaperVerb() ?? byWhatIsWanted(read) ?? byWhatIsAsked(read) ?? read
    const ranked = all.filter((c) => elsewhereId(c.code) === undefined).slice(0, 5)
    const top = ranked[0]
    const found = (c: Candidate | undefined): c is Candidate => foundAmong(c, all)
    // A procedure the catalogue does not hold, named as clearly as a catalogue procedure would have to be and
    // fitting at least as well as the best of them and explaining more of the question: say so, and where to go,
    // rather than answer with a neighbour.
    const outside = all.find((c) => elsewhereId(c.code) !== undefined)
    const entry = outside === undefined ? undefined : elsewhere.get(elsewhereId(outside.code) as string)
    if (
      entry !== undefined &&
      found(outside) &&
      (!found(top) || outside.score >= top.score) &&
      (top === undefined || outside.explained >= top.explained + detector.elsewhereMargin)
    ) {
      conversations.save(conversationId, state, input.now)
      const closest = found(top) ? candidatesOf([top]) : []
      const also = closest.map((c) => ` Nếu bạn hỏi về thủ tục khác: gần nhất trong danh mục là ${c.name} (${c.code}).`)
      const alsoEn = closest.map((c) => ` If you meant something else, the closest catalogue procedure is ${c.code}.`)
      const unverified = entry.unverified === undefined ? "" : ` (chưa xác minh: ${entry.unverified})`
      return {
        conversationId,
        kind: "not-found",
        text: `Không tìm thấy thủ tục này trong danh mục thủ tục của tỉnh: “${entry.name}” không thuộc các thủ tục tôi có dữ liệu, nên tôi không nêu giấy tờ, phí hay thời hạn của nó. Nơi giải quyết: ${entry.where}${unverified}.${also.join("")}`,
        textEn: `Not in the province's procedure catalogue: “${entry.nameEn}” is not among the procedures I hold data for, so I give no documents, fees or times for it. Where to go: ${entry.whereEn}.${alsoEn.join("")}`,
        citations: closest.map((c) => c.code),
        candidates: closest,
        elsewhere: {
          id: entry.id,
          name: entry.name,
          nameEn: entry.nameEn,
          where: entry.where,
          whereEn: entry.whereEn,
          ...(entry.unverified === undefined ? {} : { unverified: entry.unverified }),
        },
        notices,
        phrasedBy: "template",
      }
    }
    if (!found(top)) {
      const closest = ranked.length > 0 ? ranked : []
      conversations.save(conversationId, state, input.now)
      const list = candidatesOf(closest.slice(0, 3))
      return {
        conversationId,
        kind: "not-found",
        text:
          list.length === 0
            ? "Không tìm thấy thủ tục nào trong danh mục của tỉnh khớp với câu hỏi. Bạn thử nói rõ việc cần làm (ví dụ: đăng ký khai sinh, tách hộ, xin giấy phép xây dựng)."
            : `Không tìm thấy thủ tục khớp chắc chắn với câu hỏi. Các thủ tục gần nhất: ${list.map((c) => `${c.name} (${c.code})`).join("; ")}.`,
        textEn:
          list.length === 0
            ? "No procedure in the province's catalogue matches the question. Try saying what you need to do."
            : `No procedure clearly matches. The closest: ${list.map((c) => c.code).join(", ")}.`,
        citations: list.map((c) => c.code),
        candidates: list,
        notices,
        phrasedBy: "template",
      }
    }
    const second = ranked[1]
    const topProcedure = byCode.get(top.code) as Procedure
    const variant = cuedVariant(topProcedure, folded)
    if (second !== undefined && second.score >= top.score * TIE_RATIO && variant === undefined) {
      const tied = ranked.filter((c) => c.score >= top.score * TIE_RATIO).slice(0, 4)
      const options = tied.map((c, i) => ({
        id: String(i + 1),
        label: byCode.get(c.code)?.name ?? c.code,
        code: c.code,
      }))
      conversations.save(conversationId, { ...state, options }, input.now)
      const followUp: FollowUp = {
        question: "Có vài thủ tục phù hợp; bạn cần thủ tục nào?",
        questionEn: "Several procedures fit; which one do you need?",
        options,
      }
      return {
        conversationId,
        kind: "clarify",
        text: `${followUp.question}\n${options.map((o) => `${o.id}. ${o.label} (${o.code})`).join("\n")}`,
        textEn: `${followUp.questionEn}\n${options.map((o) => `${o.id}. ${o.code}`).join("\n")}`,
        citations: options.map((o) => o.code),
        followUp,
        candidates: candidatesOf(ranked),
        notices,
        phrasedBy: "template",
      }
    }
    return answerWith(conversationId, state, top.code, variant, notices, ranked, input.now, true)
  }

  return { ask, procedure: (code) => byCode.get(code) }
}

/** The variant a reply names: by the province's cue phrases, or by the words of the variant's own name. */
function pickVariant(p: Procedure, folded: string, cued: string | undefined): Option | undefined {
  if (cued !== undefined) return { id: cued, label: cued, code: p.code, variantId: cued }
  if (/ (thong thuong|binh thuong|khong|normal|usual) /u.test(folded)) return { id: "1", label: p.name, code: p.code }
  let best: { id: string; overlap: number } | undefined
  const words = new Set(folded.trim().split(" "))
  for (const v of p.variants) {
    const own = syllables(v.name).filter((w) => !syllables(p.name).includes(w))
    const overlap = own.filter((w) => words.has(w)).length
    if (overlap > 0 && (best === undefined || overlap > best.overlap)) best = { id: v.id, overlap }
  }
  return best === undefined ? undefined : { id: best.id, label: best.id, code: p.code, variantId: best.id }
}

/**
 * Whether a variant's cue phrase is in the folded question as a cue: not after a negation ("công trình cấp IV,
 * không phải nhà ở" names no dwelling).
 */
export function cuedIn(folded: string, phrase: string): boolean {
  for (let at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1))
    if (!/\b(khong|khong phai|not|not a|no)\s*$/u.test(folded.slice(Math.max(0, at - 20), at))) return true
  return false
}

/**
 * The words of a question before its first purpose clause ("… để làm sổ đỏ", "… de xin viec"), or undefined when it
 * has none or nothing stands before it. "để" written with diacritics is the only reading of it (leaving — "để lại",
 * "để dành" — is not a purpose); without diacritics "de" may also be "đẻ" (giving birth) or "dễ": the caller keeps
 * the whole question when the words before name nothing. "đồng ý để", "cho phép để" let someone do something (no
 * purpose of the question's); after "làm gì", "làm sao", "thế nào" ("phải làm gì để sổ đỏ sang tên") what follows is
 * the goal asked about, not the purpose of something asked for before: then there is no head to read apart.
 */
export function beforePurpose(question: string): string | undefined {
  const marked = /[\u0300-\u036f]/u.test(question.normalize("NFD"))
  // Not "để lại" (leaving: "bố mất để lại đất"), "để trống" (left blank), "để dành", "để ý", "để yên".
  const purpose = marked
    ? /(^|[\s,])để(?=\s)(?!\s+(lại|dành|ý|yên|trống|nguyên)(\s|$))/giu
    : /(^|[\s,])de(?=\s)(?!\s+(lai|danh|y|yen|trong|nguyen)(\s|$))/giu
  const permission = marked ? /(đồng ý|cho phép)\s*$/iu : /(dong y|cho phep)\s*$/iu
  const asking = marked ? /(làm gì|làm sao|thế nào|cách nào)\s*$/iu : /(lam gi|lam sao|the nao|cach nao)\s*$/iu
  for (const found of question.matchAll(purpose)) {
    const before = question.slice(0, found.index)
    if (permission.test(before)) continue
    if (asking.test(before)) return undefined
    const head = before.trim()
    return head === "" ? undefined : head
  }
  return undefined
}

/**
 * What a question asks whether one must do: the words after "có cần", "có phải", "cần phải", "có bắt buộc" ("… có
 * cần báo vắng không" → "báo vắng không"), or undefined when it asks no such thing or nothing follows. Typed without
 * diacritics, "co can" before "cuoc" is "có căn cước".
 */
export function whatIsNeeded(question: string): string | undefined {
  const marked = /[\u0300-\u036f]/u.test(question.normalize("NFD"))
  const need = marked
    ? /(^|\s)(có cần|có phải|cần phải|có bắt buộc|bắt buộc phải)\s+/iu
    : /(^|\s)(co can(?!\s+cuoc\b)|co phai|can phai|co bat buoc|bat buoc phai)\s+/iu
  const found = need.exec(question)
  if (found === null) return undefined
  const rest = question.slice(found.index + found[0].length).trim()
  return /\p{L}/u.test(rest) ? rest : undefined
}

/**
 * The question without what the citizen says they already have or have done: "đã có …" ("đã có sổ đỏ", "da co giay
 * chung sinh roi", up to the end of the clause or the word that turns to the ask: "giờ", "nay", "mà", "nhưng",
 * "muốn"), and a clause that ends in "rồi" before another clause ("giấy chứng sinh bệnh viện cấp rồi, giờ …", "văn bản
 * thừa kế công chứng xong rồi, …"). A paper held or a step done is the story's setting, not what is asked for ("nhà
 * em đã có sổ đỏ, giờ muốn xây nhà 2 tầng"). Kept when the clause asks whether it is so yet ("hồ sơ đã có kết quả
 * chưa"), and when nothing else would be left.
 */
export function withoutWhatIsHad(question: string): string {
  const marked = /[\u0300-\u036f]/u.test(question.normalize("NFD"))
  const had = marked
    ? /(^|\s)đã có\s[^,.;!?\n]*?(?=\s+(?:giờ|bây giờ|nay|mà|nhưng|muốn)\s|[,.;!?\n]|$)/giu
    : /(^|\s)da co\s[^,.;!?\n]*?(?=\s+(?:gio|bay gio|nay|ma|nhung|muon)\s|[,.;!?\n]|$)/giu
  const done = marked
    ? /(^|[,.;!?\n])[^,.;!?\n]*\srồi\s*(?=[,.;!?\n]\s*\p{L})/giu
    : /(^|[,.;!?\n])[^,.;!?\n]*\sroi\s*(?=[,.;!?\n]\s*\p{L})/giu
  const yetAsked = marked ? /\schưa$/iu : /\schua$/iu
  const left = question
    .replace(had, (found: string, lead: string) => (yetAsked.test(found.trim()) ? found : lead))
    .replace(done, (_found: string, lead: string) => lead)
    .replace(/\s+(?=[,.;!?])/gu, "")
    .replace(/^[\s,.;!?]+/u, "")
    .trim()
  return left === question.trim() || !/\p{L}/u.test(left) ? question : left
}
