import { currencyFor } from "./currencies.js";

/**
 * Parses text such as "$1,234.56", "1.234,56 €" or "-12.50 USD" into integer minor units.
 * Throws SyntaxError when the text is not an amount in the given currency's notation.
 */
export function parseMoney(text, currencyCode = "USD") {
  const currency = currencyFor(currencyCode);
  let rest = String(text).trim();
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  rest = rest.replace(currency.symbol, "").replace(currency.code, "").trim();
  if (rest.startsWith("-")) {
    negative = !negative;
    rest = rest.slice(1).trim();
  }

  const [whole, fraction = "", ...extra] = rest.split(currency.decimal);
  const wholeDigits = whole.split(currency.group).join("");
  if (extra.length > 0 || !/^\d+$/.test(wholeDigits) || !/^\d*$/.test(fraction)) {
    throw new SyntaxError(`not a ${currency.code} amount: "${text}"`);
  }
  if (fraction.length > currency.decimals) {
    throw new SyntaxError(
      `"${text}" has ${fraction.length} decimals; ${currency.code} has ${currency.decimals}`);
  }
  const minor = Number(wholeDigits + fraction.padEnd(currency.decimals, "0"));
  return negative ? -minor : minor;
}
