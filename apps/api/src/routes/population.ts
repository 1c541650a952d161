// The national population database at the counter: the officer (or a post office agent) looks the applicant up by
// their personal identification number, with the consent the citizen signed, to verify them and prefill the intake
// form; a citizen may look themselves up. Each lookup is audited (read.population). A filing records the
// verification with `verifyApplicant` (dossiers.ts).
import { lookUpApplicant } from "@motcua/application"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const Day = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u))

const PopulationRecordDocument = Schema.Struct({
  personalId: Schema.String,
  fullName: Schema.String,
  dateOfBirth: Schema.String,
  sex: Schema.Literals(["Nam", "Nữ"]),
  permanentAddress: Schema.optionalKey(Schema.String),
  reference: Schema.optionalKey(Schema.String),
}).annotate({ identifier: "PopulationRecord" })

export const populationOperations = [
  operation({
    method: "post",
    path: "/api/v1/population/lookup",
    operationId: "lookUpApplicant",
    tag: "dossiers",
    summary: "Tra cứu, xác thực người nộp với Cơ sở dữ liệu quốc gia về dân cư (có sự đồng ý của công dân)",
    description:
      "Looks a citizen up in the national population database by their personal identification number, with the " +
      "consent they gave (`signed-at-counter`, `e-id`, `declared-online`) and for a procedure (the purpose the " +
      "registry logs): found or not, and whether the name and date of birth given match. The record prefills the " +
      "intake form (fill empty fields; ask before replacing what the officer typed). Counter officers and post " +
      "office agents; a citizen for themselves only. Every lookup is audited (`read.population` in " +
      "/api/v1/audit/reads). 503 when the registry is not configured or does not answer.",
    auth: "required",
    body: Schema.Struct({
      personalId: Schema.String.check(Schema.isPattern(/^\d{12}$/u)).annotate({
        description: "Số định danh cá nhân (12 chữ số)",
      }),
      consent: Schema.Literals(["signed-at-counter", "e-id", "declared-online"]),
      procedureCode: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(40)),
      fullName: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
      dateOfBirth: Schema.optionalKey(Day),
    }).annotate({ identifier: "PopulationLookup" }),
    response: {
      status: 200,
      description: "Kết quả tra cứu",
      schema: Schema.Struct({
        found: Schema.Boolean,
        verified: Schema.Boolean,
        mismatches: Schema.Array(Schema.Literals(["fullName", "dateOfBirth"])),
        record: Schema.optionalKey(PopulationRecordDocument),
      }).annotate({ identifier: "PopulationLookupResult" }),
    },
    problems: ["unauthenticated", "forbidden", "unprocessable", "unavailable"],
    // the verification itself is the filing's to record (verifyApplicant), not the caller's to hold
    handle: ({ principal, body }, deps) =>
      runUseCase(
        deps,
        Effect.map(lookUpApplicant(principal, body), ({ found, verified, mismatches, record }) => ({
          found,
          verified,
          mismatches,
          ...(record === undefined ? {} : { record }),
        })),
      ),
  }),
]
