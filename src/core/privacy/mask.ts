/** Phone-number masking for anything that leaves the process as text (logs, diagnostics). */

// Mainland mobiles (1[3-9]x, 11 digits), landlines with area code (0 + 9-11 digits) and
// international numbers (+ or 00 prefix, 8-15 digits). Longer digit runs (18-19 digit ids) are
// left alone by the digit boundaries, so log lines stay useful for debugging.
const PHONE = /(?<![\d])(\+\d{7,14}|00\d{8,14}|1[3-9]\d{9}|0\d{9,11})(?![\d])/g;

/** Replaces the middle of every phone number with asterisks: 13900001234 -> 139****1234. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE, (n) => n.slice(0, 3) + '*'.repeat(Math.max(1, n.length - 7)) + n.slice(-4));
}
