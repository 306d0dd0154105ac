import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMoney, parseMoney } from "../src/index.js";

test("parses symbols, codes and separators", () => {
  assert.equal(parseMoney("$1,234.56"), 123456);
  assert.equal(parseMoney("1.234,56 €", "EUR"), 123456);
  assert.equal(parseMoney("12 USD"), 1200);
  assert.equal(parseMoney("¥1,234", "JPY"), 1234);
});

test("parses minus signs and accounting parentheses", () => {
  assert.equal(parseMoney("-$0.05"), -5);
  assert.equal(parseMoney("($1,234.56)"), -123456);
});

test("rejects text that is not an amount", () => {
  assert.throws(() => parseMoney("twelve"), SyntaxError);
  assert.throws(() => parseMoney("1.234", "USD"), /has 3 decimals; USD has 2/);
});

test("round-trips what formatMoney prints", () => {
  for (const cents of [0, 7, 1999, 123456789]) {
    assert.equal(parseMoney(formatMoney(cents, { currency: "CHF" }), "CHF"), cents);
  }
});
