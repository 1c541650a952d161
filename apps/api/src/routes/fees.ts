// Fee quotes: the itemised phí and lệ phí for one application of a procedure, as in force on a day.
import { CatalogueDate, FeeQuote, FeeQuoteRequest, ProcedureCode, procedureInForce, quoteFees } from "@motcua/domain"
import { Result, Schema } from "effect"
import { type ApiDeps, vietnamToday } from "../deps.ts"
import { defineOperation } from "../operation.ts"

const operation = defineOperation<ApiDeps>()

/** The domain's fee quote request, plus which procedure and on which day (today by default). */
export const FeeQuoteBody = Schema.Struct({
  procedureCode: ProcedureCode.annotate({ description: "Mã thủ tục quốc gia, vd. 1.004222" }),
  on: Schema.optionalKey(CatalogueDate.annotate({ description: "Ngày nộp hồ sơ YYYY-MM-DD (mặc định: hôm nay)" })),
  ...FeeQuoteRequest.fields,
}).annotate({ identifier: "FeeQuoteRequest" })

export const feeOperations = [
  operation({
    method: "post",
    path: "/api/v1/fee-quotes",
    operationId: "quoteFees",
    tag: "fees",
    summary: "Tính phí, lệ phí cho một hồ sơ",
    description:
      "The itemised fees and charges for one application of a procedure, with each line's rule and legal basis.",
    body: FeeQuoteBody,
    response: { status: 200, description: "Bảng phí, lệ phí", schema: FeeQuote.annotate({ identifier: "FeeQuote" }) },
    problems: ["not-found", "unprocessable", "payload-too-large", "unsupported-media-type"],
    handle: ({ body }, deps) => {
      const { procedureCode, on, ...request } = body
      return Result.flatMap(procedureInForce(deps.catalogue, procedureCode, on ?? vietnamToday(deps)), (p) =>
        quoteFees(p, request),
      )
    },
  }),
]
