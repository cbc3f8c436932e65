/**
 * Reads files out of a ZIP archive (an .xlsx is one) with nothing but the platform: the central directory at the end
 * of the archive lists every entry, and deflated entries are inflated by DecompressionStream('deflate-raw').
 * ZIP64 archives (over 4 GB or 65535 entries) are refused; no spreadsheet of phone numbers gets near that.
 */

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record is the last thing in the file, followed by a comment of up to 64 KB. */
function findEndRecord(dv: DataView): number {
  const lowest = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let at = dv.byteLength - 22; at >= lowest; at -= 1) {
    if (dv.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError('not a ZIP archive (no end of central directory)');
}

/** The entries of an archive by name. */
function centralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const dv = view(bytes);
  const end = findEndRecord(dv);
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const names = new TextDecoder();
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL_ENTRY) throw new ZipError('damaged central directory');
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An opened archive: the names it holds and each file's bytes on demand. */
export interface ZipArchive {
  names(): string[];
  /** The file's bytes, or undefined when the archive has no such entry. */
  read(name: string): Promise<Uint8Array | undefined>;
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const entries = centralDirectory(bytes);
  const dv = view(bytes);
  return {
    names: () => [...entries.keys()],
    read: async (name) => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const at = entry.localHeaderOffset;
      if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError(`damaged entry ${name}`);
      // The local header's own name and extra lengths can differ from the central directory's.
      const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) return data;
      if (entry.method === 8) return inflateRaw(data);
      throw new ZipError(`entry ${name} uses compression method ${entry.method}`);
    },
  };
}
