'use strict';

/**
 * Shopping cart arithmetic. Prices are integer cents; tax rates are basis points
 * (1900 = 19%) so nothing here ever touches floating point money.
 */

const MAX_QUANTITY = 99;

function createCart(currency = 'EUR') {
  return { currency, items: [], coupon: null };
}

function addItem(cart, product, quantity = 1) {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  }
  const existing = cart.items.find((item) => item.sku === product.sku);
  const current = existing ? existing.quantity : 0;
  if (current + quantity > MAX_QUANTITY) {
    throw new RangeError(`at most ${MAX_QUANTITY} of ${product.sku} per order`);
  }
  const items = existing
    ? cart.items.map((item) =>
        item.sku === product.sku ? { ...item, quantity: item.quantity + quantity } : item)
    : [...cart.items, { sku: product.sku, name: product.name, priceCents: product.priceCents,
        taxBasisPoints: product.taxBasisPoints, quantity }];
  return { ...cart, items };
}

function removeItem(cart, sku) {
  return { ...cart, items: cart.items.filter((item) => item.sku !== sku) };
}


function applyCoupon(cart, coupon) {
  if (coupon.expiresAt && coupon.expiresAt < Date.now()) {
    throw new Error(`coupon ${coupon.code} has expired`);
  }
  return { ...cart, coupon };
}

function subtotal(cart) {
  return cart.items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
}

function discount(cart) {
  if (!cart.coupon) {
    return 0;
  }
  const base = subtotal(cart);
  if (cart.coupon.percent) {
    return Math.floor((base * cart.coupon.percent) / 100);
  }
  return Math.min(base, cart.coupon.amountCents);
}

function tax(cart) {
  const base = subtotal(cart);
  if (base === 0) {
    return 0;
  }
  const factor = (base - discount(cart)) / base;
  const exact = cart.items.reduce(
    (sum, item) => sum + item.priceCents * item.quantity * factor * item.taxBasisPoints / 10000, 0);
  return Math.round(exact);
}

function total(cart) {
  return subtotal(cart) - discount(cart) + tax(cart);
}

module.exports = {
  MAX_QUANTITY,
  createCart,
  addItem,
  removeItem,
  applyCoupon,
  subtotal,
  discount,
  tax,
  total,
};
