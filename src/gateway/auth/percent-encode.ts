/** RFC 3986 percent-encoding as both Alibaba signature versions use it (protocol.md §2). */

/** Characters RFC 3986 calls unreserved; they are the only ones left as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
/** encodeURIComponent leaves these five raw, but RFC 3986 (and Alibaba's signers) escape them. */
const SUB_DELIMS_LEFT_RAW = /[!'()*]/g;
const HEX = '0123456789ABCDEF';

/**
 * UTF-8 then `%XX` (upper-case hex) for everything except `A-Z a-z 0-9 - _ . ~`.
 * Most names and many values are already unreserved, so they are returned without allocating.
 */
export function percentEncode(s: string): string {
  if (UNRESERVED.test(s)) return s;
  let encoded: string;
  try {
    encoded = encodeURIComponent(s);
  } catch {
    // A lone surrogate makes encodeURIComponent throw; encode what UTF-8 would put on the wire
    // (U+FFFD) so a malformed request fails its signature check instead of crashing the gateway.
    return encodeBytes(Buffer.from(s, 'utf8'));
  }
  return encoded.replace(SUB_DELIMS_LEFT_RAW, escapeChar);
}

function escapeChar(c: string): string {
  return '%' + c.charCodeAt(0).toString(16).toUpperCase();
}

function encodeBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    const unreserved =
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;
    out += unreserved ? String.fromCharCode(b) : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}
