export { InvalidPhoneNumber, parseVietnamMobile, type VietnamMobile } from "./phone.ts"
