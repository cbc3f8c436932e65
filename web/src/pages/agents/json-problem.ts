/** Where JSON text stops parsing, as a line and column the editor can point at (the browser only gives a message). */

export interface JsonProblem {
  /** 1-based. */
  line: number;
  column: number;
  /** Offset into the text, for placing the caret. */
  offset: number;
  message: string;
}

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  return Math.min(text.length, offset + column - 1);
}

/** The syntax problem of `text`, or undefined when it is JSON. */
export function jsonProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) {
      const line = Number(lineColumn[1]);
      const column = Number(lineColumn[2]);
      return { line, column, offset: offsetOf(text, line, column), message };
    }
    const at = /position (\d+)/.exec(message);
    const offset = at ? Math.min(Number(at[1]), text.length) : text.length;
    return { ...position(text, offset), offset, message };
  }
}

/** The names of `$name$` and `${name}` placeholders in a text, in order of first use. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$\{([\w.-]+)\}|\$([\w.-]+)\$/g)) names.add((m[1] ?? m[2])!);
  return [...names];
}

/** Puts the caret on the problem and scrolls the editor so its line is in view (selection alone does not scroll). */
export function showProblem(area: HTMLTextAreaElement | null, problem: JsonProblem): void {
  if (!area) return;
  area.focus();
  area.setSelectionRange(problem.offset, Math.min(area.value.length, problem.offset + 1));
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 19;
  area.scrollTop = Math.max(0, (problem.line - 3) * lineHeight);
}
