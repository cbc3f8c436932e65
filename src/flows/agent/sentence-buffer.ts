/**
 * Cuts streamed model text into sentences, so speech can start with the first complete sentence instead of waiting
 * for the whole answer. A sentence ends at Chinese or Western end punctuation (a Western full stop only when followed
 * by a space, so "3.5" stays whole) or a line break; closing quotes and brackets right after stay with it.
 */

/** Ends a sentence. */
const END = new Set(['。', '！', '？', '!', '?', '；', ';', '…', '\n']);
/** Closes a quote or bracket; kept with the sentence before it. */
const CLOSER = new Set(['”', '’', '"', "'", '」', '』', ')', '）', '】']);
/** Marks a model may write that mean nothing on the phone (markdown emphasis, headings, code). */
const MARKUP = /[*#`_>]+/gu;

/** Strips end marks and closers that trail over from the sentence before. */
function dropLeadingMarks(text: string): string {
  let start = 0;
  while (start < text.length && (END.has(text[start]!) || CLOSER.has(text[start]!) || /\s/u.test(text[start]!))) start++;
  return text.slice(start);
}

/** Text cleaned for speaking: markup removed, whitespace collapsed. */
export function speakable(text: string): string {
  return text.replace(MARKUP, '').replace(/\s+/gu, ' ').trim();
}

/** A buffer of streamed text that hands out complete sentences. */
export class SentenceBuffer {
  private pending = '';

  /** Adds streamed text; returns the sentences it completed (cleaned, empty ones dropped). */
  push(delta: string): string[] {
    // Between sentences, marks trailing over from the last one are dropped however the pieces fall.
    this.pending = this.pending === '' ? dropLeadingMarks(delta) : this.pending + delta;
    const sentences: string[] = [];
    for (let cut = this.nextCut(); cut > 0; cut = this.nextCut()) {
      const sentence = speakable(this.pending.slice(0, cut));
      this.pending = dropLeadingMarks(this.pending.slice(cut));
      if (sentence !== '') sentences.push(sentence);
    }
    return sentences;
  }

  /** The text left after the last complete sentence, cleaned; the buffer is emptied. */
  flush(): string {
    const rest = speakable(this.pending);
    this.pending = '';
    return rest;
  }

  /**
   * Where the first complete sentence ends (exclusive), or 0. A sentence is handed out as soon as its end mark
   * arrives, to start speech early; marks that trail into the next piece ("?!", a closing quote) are dropped there.
   * Only '…' waits, since it usually comes doubled, and a '.' waits for the character after it.
   */
  private nextCut(): number {
    const text = this.pending;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const westernStop = ch === '.' && i + 1 < text.length && /\s/u.test(text[i + 1]!);
      if (!END.has(ch) && !westernStop) continue;
      let end = i + 1;
      while (end < text.length && (END.has(text[end]!) || CLOSER.has(text[end]!))) end++;
      if (end === text.length && text[end - 1] === '…') return 0;
      return end;
    }
    return 0;
  }
}
