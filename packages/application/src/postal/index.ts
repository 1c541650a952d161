export {
  type PostalOrderInput,
  PostalRefused,
  postalOrdersOf,
  receivePostalCallback,
  requestPostalOrder,
} from "./use-cases.ts"
