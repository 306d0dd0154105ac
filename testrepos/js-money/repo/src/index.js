export { currencyFor, knownCurrencies } from "./currencies.js";
export { formatMoney } from "./format.js";
export { parseMoney } from "./parse.js";
