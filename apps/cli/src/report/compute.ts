// The report is computed by the application (reports/dossier-report.ts), which the API's dashboards answer too: the
// CLI prints the same numbers.
export {
  buildReport,
  type Count,
  type GroupRow,
  type MonthRow,
  type Report,
  type ReportOptions,
  type ReportTally,
  reportTally,
  type StoredDossier,
  type Timeliness,
} from "@motcua/application"
