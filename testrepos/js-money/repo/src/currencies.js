/**
 * How each supported currency is written. Amounts are always integers in the minor unit
 * (cents for USD), so `decimals` says where the decimal separator goes.
 */
const CURRENCIES = {
  USD: { code: "USD", symbol: "$", decimals: 2, group: ",", decimal: ".", symbolAfter: false },
  GBP: { code: "GBP", symbol: "£", decimals: 2, group: ",", decimal: ".", symbolAfter: false },
  EUR: { code: "EUR", symbol: "€", decimals: 2, group: ".", decimal: ",", symbolAfter: true },
  CHF: { code: "CHF", symbol: "CHF", decimals: 2, group: "'", decimal: ".", symbolAfter: true },
  JPY: { code: "JPY", symbol: "¥", decimals: 0, group: ",", decimal: ".", symbolAfter: false },
};

/** Returns the formatting rules for an ISO 4217 code; throws RangeError for unknown codes. */
export function currencyFor(code) {
  const currency = CURRENCIES[String(code).toUpperCase()];
  if (!currency) {
    throw new RangeError(`unknown currency "${code}" (known: ${knownCurrencies().join(", ")})`);
  }
  return currency;
}

/** The ISO codes this module can format, sorted. */
export function knownCurrencies() {
  return Object.keys(CURRENCIES).sort();
}
