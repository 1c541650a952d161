// The structured answer: everything a screen (the web widget, the CLI) needs to render, and the facts a language
// model may rephrase but never change. Every answer names the procedure codes it comes from.
import type { FeeQuote, RequiredDocument } from "@motcua/domain"

export type AnswerKind =
  /** The procedure was found: documents, fees, time, place, online filing. */
  | "answer"
  /** Two or more procedures fit: the citizen picks one of `followUp.options`. */
  | "clarify"
  /** Nothing in the catalogue answers the question: `candidates` are the closest procedures. */
  | "not-found"
  /** The question could not be read (empty, not text). */
  | "invalid"

export interface Option {
  /** What to send back to pick it (a number, also accepted as the option's words). */
  readonly id: string
  readonly label: string
  readonly code: string
  readonly variantId?: string
}

export interface FollowUp {
  readonly question: string
  readonly questionEn: string
  readonly options: ReadonlyArray<Option>
}

export interface FeeSummary {
  readonly counter?: FeeQuote
  readonly online?: FeeQuote
  /** How much less the citizen pays online than at the counter (0 when the same). */
  readonly onlineSaving: number
  /** Facts the quote assumed because the question did not give them (e.g. `quantities.copy` = 1). */
  readonly assumed: ReadonlyArray<{ readonly input: string; readonly value: number }>
  /**
   * Categories of applicant the question named (e.g. `poor-household`): the quotes apply those this procedure's fees
   * exempt (their lines carry `exemption`), and an exemption needs a proof when filing.
   */
  readonly categories: ReadonlyArray<string>
  /**
   * The other categories of applicant this procedure's fees (for the case answered) exempt or reduce, which the
   * question did not name: the answer says who pays less, so a citizen the question did not describe still learns it.
   */
  readonly exemptible: ReadonlyArray<string>
  /** Facts without which some fee cannot be worked out (e.g. `declaredValue`). */
  readonly missing: ReadonlyArray<string>
}

export interface PlaceSummary {
  readonly authority: { readonly title: string; readonly name?: string; readonly code?: string }
  readonly unit?: {
    readonly code: string
    readonly name: string
    readonly formerName?: string
    readonly unverified?: string
  }
  readonly centres: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly address: string
    readonly kind: string
  }>
  /** May be filed at any centre of the province (thủ tục phi địa giới). */
  readonly boundaryFree: boolean
}

export interface ProcedureAnswer {
  readonly code: string
  readonly name: string
  readonly nameEn?: string
  readonly variant?: { readonly id: string; readonly name: string }
  readonly documents: ReadonlyArray<RequiredDocument>
  readonly fees: FeeSummary
  readonly time: {
    readonly provincial: { readonly amount: number; readonly unit: string }
    /** The appointment the calendar gives if filed now (`+07:00` instant). */
    readonly appointmentIfFiledNow: string
  }
  readonly place: PlaceSummary
  readonly online: {
    readonly level: "full" | "partial" | "none"
    readonly channels: ReadonlyArray<string>
    /** Start the filing with the procedure (and variant, unit) already chosen. */
    readonly filingLink?: string
  }
}

export interface Answer {
  readonly conversationId: string
  readonly kind: AnswerKind
  /** The reply in Vietnamese, then in English. */
  readonly text: string
  readonly textEn: string
  /** Procedure codes the answer comes from. */
  readonly citations: ReadonlyArray<string>
  readonly procedure?: ProcedureAnswer
  readonly followUp?: FollowUp
  /** The ranked procedures considered (closest first), with their names. */
  readonly candidates: ReadonlyArray<{ readonly code: string; readonly name: string; readonly score: number }>
  /**
   * For "không tìm thấy" about a procedure the catalogue does not hold but the province's vocabulary knows
   * (`elsewhere` of assistant.json): what it is and where to go instead.
   */
  readonly elsewhere?: {
    readonly id: string
    readonly name: string
    readonly nameEn: string
    readonly where: string
    readonly whereEn: string
    readonly unverified?: string
  }
  /** Notes on how the question was read (cut to length, instructions ignored). */
  readonly notices: ReadonlyArray<string>
  /** Who phrased `text`: the plain template, or the language model (checked against the facts). */
  readonly phrasedBy: "template" | "model"
}
