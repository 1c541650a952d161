export {
  PostalHttp,
  type PostalHttpSettings,
  postalHttpOperator,
  STATUS_OF,
  signPostalCallback,
} from "./postal-operator.ts"
