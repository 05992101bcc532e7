/** Luhn's check digit test, which every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Major card networks' number prefixes (Visa 4, Mastercard 51–55 and 2221–2720,
 * Amex 34/37, Discover 6011/65, JCB 35, Diners 30/36/38, UnionPay 62). Together
 * with Luhn this keeps millisecond timestamps and order numbers unmasked.
 */
export function hasCardPrefix(digits: string): boolean {
  if (/^(?:4|5[1-5]|3[0-8]|6(?:011|5|2))/.test(digits)) return true;
  const four = Number(digits.slice(0, 4));
  return four >= 2221 && four <= 2720;
}

/** ISO 13616 IBAN check: move the country and check digits to the end, mod 97 must be 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}
