export {
  type PostalOrderInput,
  PostalRefused,
  pollPostalOrders,
  postalOrdersOf,
  receivePostalCallback,
  requestPostalOrder,
} from "./use-cases.ts"
