import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMoney } from "../src/index.js";

test("formats dollars with grouping and two decimals", () => {
  assert.equal(formatMoney(123456), "$1,234.56");
  assert.equal(formatMoney(5), "$0.05");
  assert.equal(formatMoney(100000000), "$1,000,000.00");
});

test("uses each currency's separators and symbol position", () => {
  assert.equal(formatMoney(123456, { currency: "EUR" }), "1.234,56 €");
  assert.equal(formatMoney(123456, { currency: "CHF" }), "1'234.56 CHF");
  assert.equal(formatMoney(1234, { currency: "jpy" }), "¥1,234");
});

test("prints the ISO code instead of the symbol on request", () => {
  assert.equal(formatMoney(999, { currency: "GBP", symbol: false }), "9.99 GBP");
});

test("puts the minus sign before the symbol", () => {
  assert.equal(formatMoney(-123456), "-$1,234.56");
  assert.equal(formatMoney(-5, { currency: "GBP" }), "-£0.05");
  assert.equal(formatMoney(-123456, { currency: "EUR" }), "-1.234,56 €");
});

test("accounting style wraps negative amounts in parentheses", () => {
  assert.equal(formatMoney(-123456, { accounting: true }), "($1,234.56)");
  assert.equal(formatMoney(-123456, { currency: "EUR", accounting: true }), "(1.234,56 €)");
  assert.equal(formatMoney(123456, { accounting: true }), "$1,234.56");
});

test("rejects amounts that are not whole minor units", () => {
  assert.throws(() => formatMoney(12.5), TypeError);
  assert.throws(() => formatMoney(1, { currency: "XYZ" }), /unknown currency "XYZ"/);
});
