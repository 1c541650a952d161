// Reads every stored dossier (status and snapshot context), in pages by code, for the report: through the
// application's DossierListing port (reports/dossier-report.ts), so the report knows nothing of the storage's tables.
export { eachDossier, readDossiers } from "@motcua/application"
