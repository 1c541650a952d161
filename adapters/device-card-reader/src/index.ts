export {
  BAUD_RATES,
  InvalidReaderConfig,
  type Parity,
  SERIAL_READER_DEFAULTS,
  type SerialReaderConfig,
  serialReaderConfigFromEnv,
} from "./config.ts"
export { type Frame, ScanFramer, type Terminator } from "./framing.ts"
export { CardScanRefused, firstInvalidUtf8, ScanAssembler, type ScanOutcome, type ScanProblem } from "./scan.ts"
export {
  listSerialPorts,
  openSerialCardReader,
  type ReaderEvent,
  type ReaderState,
  type ReaderStatus,
  type SerialCardReader,
  type SerialPortInfo,
} from "./serial-reader.ts"
