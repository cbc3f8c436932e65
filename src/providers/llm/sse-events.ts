/**
 * Server-sent events as chat-completions endpoints send them: bytes in whatever pieces TCP delivers, out come the
 * `data` payloads of complete events. Kept apart from HTTP so every way a stream can be cut is testable on its own.
 */

/** Turns byte chunks into the data of complete events; one instance per response body. */
export class SseDecoder {
  // stream mode keeps a multi-byte character split across chunks (Chinese text) until its last byte arrives.
  private readonly text = new TextDecoder('utf-8', { fatal: false });
  private partial = '';
  private data: string[] = [];
  // A CR ending one chunk may be the first half of a CRLF whose LF opens the next chunk.
  private afterCr = false;

  /** Feeds the next chunk; returns the data of each event it completed, in order. */
  push(chunk: Uint8Array): string[] {
    return this.consume(this.text.decode(chunk, { stream: true }));
  }

  /** Ends the stream; an event the server did not close with a blank line still counts (lenient servers omit it). */
  end(): string[] {
    const events = this.consume(this.text.decode());
    if (this.partial !== '') this.line(this.partial, events);
    this.partial = '';
    this.dispatch(events);
    return events;
  }

  private consume(text: string): string[] {
    const events: string[] = [];
    let start = 0;
    if (this.afterCr && text.startsWith('\n')) start = 1;
    this.afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.partial + text.slice(start, i), events);
      this.partial = '';
      if (c === '\r') {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.partial += text.slice(start);
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === '') return this.dispatch(events);
    if (line.startsWith(':')) return; // a comment: keep-alives look like this
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return; // event, id and retry mean nothing to a chat completion
    const value = colon < 0 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  private dispatch(events: string[]): void {
    if (this.data.length === 0) return;
    events.push(this.data.join('\n'));
    this.data = [];
  }
}
