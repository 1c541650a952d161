// Pairing the counter agent (apps/counter-agent, on the officer's PC) with the officer's session: the desk asks for a
// one-time code (POST /api/v1/counter-agent/pairings, the officer's session), the agent redeems it
// (POST /api/v1/counter-agent/pairings/redeem) and gets a session of its own for the same account, with which it
// uploads what the scanner and the card reader read (POST /api/v1/documents, POST /api/v1/id-cards/read).
import { issueAgentPairing, redeemAgentPairing } from "@motcua/application"
import { readIdCardText } from "@motcua/domain"
import { Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const CardRead = Schema.Struct({
  fullName: Schema.String,
  id: Schema.String,
  dateOfBirth: Schema.String,
  sex: Schema.Literals(["Nam", "Nữ"]),
  oldId: Schema.optionalKey(Schema.String),
  permanentAddress: Schema.optionalKey(Schema.String),
  issuedOn: Schema.optionalKey(Schema.String),
  expiresOn: Schema.optionalKey(Schema.String),
  source: Schema.Literals(["qr", "mrz"]),
}).annotate({ identifier: "IdCardRead" })

const PairingCode = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/u))

export const counterAgentOperations = [
  operation({
    method: "post",
    path: "/api/v1/counter-agent/pairings",
    operationId: "issueAgentPairing",
    tag: "accounts",
    summary: "Lấy mã ghép nối phần mềm thiết bị tại quầy",
    description:
      "A one-time code (5 minutes, once) to pair the counter agent on the officer's PC with this officer's account: " +
      "counter officers and post office agents only.",
    auth: "required",
    response: {
      status: 201,
      description: "Mã ghép nối",
      schema: Schema.Struct({ code: Schema.String, expiresAt: Schema.String }).annotate({ identifier: "AgentPairing" }),
    },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal }, deps) => runUseCase(deps, issueAgentPairing(principal)),
  }),
  operation({
    method: "post",
    path: "/api/v1/counter-agent/pairings/redeem",
    operationId: "redeemAgentPairing",
    tag: "accounts",
    summary: "Phần mềm thiết bị tại quầy dùng mã ghép nối",
    description:
      "The counter agent redeems the code once: a session of its own for the officer's account (session token and " +
      "CSRF token, to send as the motcua_session cookie and x-csrf-token). An unknown, used or expired code is 401.",
    body: Schema.Struct({ code: PairingCode }).annotate({ identifier: "AgentPairingRedeem" }),
    response: {
      status: 200,
      description: "Phiên của phần mềm thiết bị",
      schema: Schema.Struct({
        sessionToken: Schema.String,
        csrfToken: Schema.String,
        expiresAt: Schema.String,
        principalId: Schema.String,
      }).annotate({ identifier: "AgentSession" }),
    },
    problems: ["unauthenticated"],
    handle: async ({ body }, deps) =>
      Result.map(await runUseCase(deps, redeemAgentPairing(body.code)), (s) => ({
        sessionToken: s.token,
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
        principalId: s.principal.id,
      })),
  }),
  operation({
    method: "post",
    path: "/api/v1/id-cards/read",
    operationId: "readIdCard",
    tag: "dossiers",
    summary: "Đọc thông tin thẻ CCCD từ mã QR hoặc vùng MRZ",
    description:
      "What a card reader sent (the QR text typed by a keyboard-wedge reader, a serial reader's line, or the three " +
      "MRZ lines), parsed and checked: the id against the date of birth and sex, every MRZ check digit. Device " +
      "output is untrusted: anything else is 422 naming the part at fault. Staff only (the intake form is filled " +
      "from the answer; the officer confirms before anything typed is replaced).",
    auth: "required",
    body: Schema.Struct({
      format: Schema.Literals(["qr", "mrz"]),
      text: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000)),
    }).annotate({ identifier: "IdCardText" }),
    response: { status: 200, description: "Thông tin trên thẻ", schema: CardRead },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: ({ body, principal }) => {
      if (principal.scope._tag !== "Staff")
        return Result.fail(new ApiProblem({ kind: "forbidden", detail: "Chỉ cán bộ đọc thẻ tại quầy (staff only)." }))
      const card = readIdCardText(body.format, body.text)
      if (Result.isFailure(card))
        return Result.fail(
          new ApiProblem({
            kind: "unprocessable",
            detail: card.failure.message,
            errors: [{ path: "body.text", message: card.failure.message }],
            reason: { _tag: card.failure._tag, field: card.failure.field },
          }),
        )
      return Result.succeed(card.success)
    },
  }),
]
