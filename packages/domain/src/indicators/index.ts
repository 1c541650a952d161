/**
 * The national service-quality index (Decision 766/QĐ-TTg), computed locally and ahead of the portal.
 *
 * - ids.ts: the indicators and their six groups; rules.ts: maxima, thresholds and zero-denominator rules as data
 *   (`portalRules`, the default, and `descriptionRules`), `decodeIndicatorRules` for a province's own.
 * - score.ts: `scoreIndicator(id, counts, rules?)`, `index766(countsById, rules?)`, `sumCounts` (a larger scope
 *   from its parts' counts, never from their scores).
 * - period.ts: `parsePeriod("2026-10" | "2026-Q4" | "2026")`.
 * - facts.ts: `dossierFacts(context, calendar)`, what a dossier contributes, and `withinTimeAt` (2.1's rule).
 * - tally.ts: the reference sums over a period's dossiers and petitions, and `countsOfUnit`.
 * - import.ts: the counts motcua does not hold (1.1–1.3, 4.5a), filled in by the province.
 * - settings.ts: a deployment's rules, import, SLA warning window and petition deadlines, from one JSON file.
 *
 * Bad arguments throw an `IndicatorInputError` saying what and where (errors.ts).
 */
export * from "./errors.ts"
export * from "./facts.ts"
export * from "./ids.ts"
export * from "./import.ts"
export * from "./period.ts"
export * from "./rules.ts"
export * from "./score.ts"
export * from "./settings.ts"
export * from "./tally.ts"
