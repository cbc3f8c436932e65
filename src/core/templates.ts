/** Prompt templates: `${name}` (aiccs prompts) and `$name$` (dyvms TTS templates) placeholders filled from variables. */

/** A variable name: letters (Han included), digits, `_`, `.` and `-`, not starting with a digit or `.`. */
const NAME = '[A-Za-z_\\u4e00-\\u9fff][\\w.\\u4e00-\\u9fff-]*';
/** `${name}` as in aiccs prompts, or `$name$` as in dyvms TTS templates. */
const PLACEHOLDER = new RegExp(`\\$\\{(${NAME})\\}|\\$(${NAME})\\$`, 'gu');

/** A template with its placeholders filled. */
export interface FilledTemplate {
  text: string;
  /** Names that had no value (each once, in order of appearance); they were left empty. */
  missing: string[];
}

/** Replaces `${name}` and `$name$` with the variable's value; a missing variable becomes empty and is reported. */
export function fillTemplate(template: string, variables: Readonly<Record<string, string>>): FilledTemplate {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (_match, braced: string | undefined, dollared: string | undefined) => {
    const name = (braced ?? dollared) as string;
    const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (value !== undefined) return value;
    if (!missing.includes(name)) missing.push(name);
    return '';
  });
  return { text, missing };
}
