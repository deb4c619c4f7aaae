// Browser-safe money (`@talkoot/platform/money`): euros, Finnish reference numbers, IBANs. Any
// domain that charges (venues today, lending next) formats and checks payments with these.
export * from './euros.js';
export * from './reference-number.js';
export * from './iban.js';
