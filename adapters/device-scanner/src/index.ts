export { characterAccuracy, type OcrOptions, readMrz, searchablePdf } from "./ocr.ts"
export { makeSaneScanner, pagesToPdf, pngSize, SaneScanner, type SaneScannerConfig } from "./sane-scanner.ts"
