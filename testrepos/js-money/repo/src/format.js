import { currencyFor } from "./currencies.js";

/**
 * Formats an integer amount of minor units for display, e.g. 123456 -> "$1,234.56".
 *
 * @param {number} cents integer amount in the currency's minor unit
 * @param {{currency?: string, symbol?: boolean}} [options] `symbol: false` prints the ISO code
 *   after the number instead of the symbol
 * @returns {string}
 */
export function formatMoney(cents, options = {}) {
  if (!Number.isSafeInteger(cents)) {
    throw new TypeError(`amount must be an integer number of minor units, got ${cents}`);
  }
  const currency = currencyFor(options.currency ?? "USD");
  const digits = String(Math.abs(cents)).padStart(currency.decimals + 1, "0");
  const whole = digits.slice(0, digits.length - currency.decimals);
  const fraction = digits.slice(digits.length - currency.decimals);

  let number = groupThousands(whole, currency.group);
  if (currency.decimals > 0) {
    number += currency.decimal + fraction;
  }

  const sign = cents < 0 ? "-" : "";
  if (options.symbol === false) {
    return `${sign}${number} ${currency.code}`;
  }
  return currency.symbolAfter
    ? `${sign}${number} ${currency.symbol}`
    : `${currency.symbol}${sign}${number}`;
}

function groupThousands(digits, separator) {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) {
      out += separator;
    }
    out += digits[i];
  }
  return out;
}
