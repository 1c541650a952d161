// The citizen assistant (docs/assistant.md): public, limited per client address. The answer is the assistant's
// structured answer (kind, text in Vietnamese then English, the procedure's documents, fee quotes, appointment,
// authority and centres, online filing link, follow-up options, cited codes) so a page can render it.
import { phraseChecked } from "@motcua/assistant"
import { Result, Schema } from "effect"
import { type ApiDeps, vietnamToday } from "../deps.ts"
import { toProblem } from "../errors.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem, PROBLEM_CONTENT_TYPE } from "../problem.ts"

const operation = defineOperation<ApiDeps>()

export const AskBody = Schema.Struct({
  question: Schema.String.annotate({
    description: "Câu hỏi của người dân, tiếng Việt (có hoặc không dấu) hoặc tiếng Anh",
  }),
  conversationId: Schema.optionalKey(
    Schema.String.annotate({ description: "Mã hội thoại của câu trả lời trước, để trả lời câu hỏi lại (follow-up)" }),
  ),
}).annotate({ identifier: "AssistantQuestion" })

const Option = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  code: Schema.String,
  variantId: Schema.optionalKey(Schema.String),
})

export const AssistantAnswer = Schema.Struct({
  conversationId: Schema.String,
  kind: Schema.Literals(["answer", "clarify", "not-found", "invalid"]),
  text: Schema.String,
  textEn: Schema.String,
  citations: Schema.Array(Schema.String),
  procedure: Schema.optionalKey(
    Schema.Unknown.annotate({
      description:
        "code, name, variant, documents (catalogue RequiredDocument), fees { counter, online: FeeQuote, onlineSaving, " +
        "assumed, categories (applicant categories the question named; the quotes apply those the fees exempt), exemptible (the other categories the fees exempt or reduce), missing }, time { provincial, appointmentIfFiledNow }, place { authority, unit, centres, " +
        "boundaryFree }, online { level, channels, filingLink }",
    }),
  ),
  followUp: Schema.optionalKey(
    Schema.Struct({ question: Schema.String, questionEn: Schema.String, options: Schema.Array(Option) }),
  ),
  candidates: Schema.Array(Schema.Struct({ code: Schema.String, name: Schema.String, score: Schema.Number })),
  elsewhere: Schema.optionalKey(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      nameEn: Schema.String,
      where: Schema.String,
      whereEn: Schema.String,
      unverified: Schema.optionalKey(Schema.String),
    }).annotate({
      description:
        "Với kind not-found: thủ tục không có trong danh mục của tỉnh mà trợ lý nhận ra, và nơi cần đến (where, tiếng Việt; whereEn)",
    }),
  ),
  notices: Schema.Array(Schema.String),
  phrasedBy: Schema.Literals(["template", "model"]),
}).annotate({ identifier: "AssistantAnswer" })

const tooManyQuestions = (seconds: number, instance: string): Response => {
  const { problem } = toProblem(
    new ApiProblem({
      kind: "too-many-requests",
      detail: `Hỏi quá nhiều trong một phút: thử lại sau ${seconds} giây (too many questions: try again in ${seconds} s).`,
    }),
    instance,
  )
  return new Response(JSON.stringify(problem), {
    status: 429,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "retry-after": String(seconds) },
  })
}

export const assistantOperations = [
  operation({
    method: "post",
    path: "/api/v1/assistant/ask",
    operationId: "askAssistant",
    tag: "assistant",
    summary: "Hỏi trợ lý ảo: thủ tục nào, cần giấy tờ gì, phí bao nhiêu, nộp ở đâu",
    description:
      "Public, limited per client address (429 with Retry-After beyond the limit). Answers only from the catalogue: " +
      "every answer cites procedure codes; a question the data cannot answer gets kind not-found with the closest " +
      "procedures. Send back the conversationId to answer a follow-up (an option's id, or the commune/ward).",
    body: AskBody,
    response: { status: 200, description: "Câu trả lời có cấu trúc", schema: AssistantAnswer },
    problems: ["too-many-requests", "payload-too-large", "unsupported-media-type"],
    handle: ({ body, clientAddress }, deps) => {
      const now = deps.now()
      const wait = deps.assistantRateLimit?.(clientAddress, now.getTime())
      if (wait !== undefined) return Result.succeed(tooManyQuestions(wait, "/api/v1/assistant/ask"))
      const assistant = deps.assistant(vietnamToday({ now: () => now }))
      const answer = assistant.ask({
        question: body.question,
        now: now.toISOString(),
        ...(body.conversationId === undefined ? {} : { conversationId: body.conversationId }),
      })
      const model = deps.assistantModel
      if (model === undefined) return Result.succeed(answer)
      return phraseChecked(answer, body.question, model.phraser, { timeoutMs: model.timeoutMs }).then(Result.succeed)
    },
  }),
]
