/**
 * A TTS template: text with `${name}` variables that SingleCallByTts, IvrCall and CreateCallTask speak after filling
 * them from TtsParam. NOTIFY templates are notifications; CODE templates carry a verification code and so hold
 * exactly one variable. waihu has no human review, so a valid template is APPROVED the moment it is created.
 */
import { DomainError } from '../errors.js';

/** The kinds of template: a voice notification, or a verification code (dyvms BizType VMS_VOICE_TTS / VMS_TTS). */
export const TTS_TEMPLATE_TYPES = ['NOTIFY', 'CODE'] as const;

/** NOTIFY or CODE. */
export type TtsTemplateType = (typeof TTS_TEMPLATE_TYPES)[number];

/** The only status: there is no review queue, so creation is approval (kept on the wire for scripts that check it). */
export const TTS_TEMPLATE_STATUS = 'APPROVED';

/** Limits of a template's fields, in characters (Unicode code points). */
export const TTS_TEMPLATE_LIMITS = Object.freeze({ maxNameLength: 64, maxContentLength: 500, maxVariableNameLength: 64 });

/** A stored template. */
export interface TtsTemplateRecord {
  accountId: string;
  /** `TTS_` and nine digits, like Alibaba's template codes. */
  code: string;
  name: string;
  type: TtsTemplateType;
  content: string;
  /** Public-mode templates may be called without a CalledShowNumber of the account's own. */
  publicMode: boolean;
  status: typeof TTS_TEMPLATE_STATUS;
  createdAt: number;
}

/** CreateTtsTemplate's input after the gateway's type checks. */
export interface TtsTemplateInput {
  name: string;
  content: string;
  type: string;
  publicMode: boolean;
}

// A variable is anything up to the closing brace but braces, `$` and white space: ${code}, ${客户姓名}, ${order_no}.
const VARIABLE = /\$\{([^{}$\s]*)\}/g;
// TtsParam values may not carry links, and neither may the text around them.
const LINK = /https?:\/\/|www\./i;

/** The distinct variable names of a template text, in order of first appearance. */
export function templateVariables(content: string): string[] {
  return [...new Set([...content.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** A TtsCode from four random bytes: `TTS_` and nine digits, the first not zero. */
export function ttsCodeOf(random: Uint8Array): string {
  if (random.length < 4) throw new RangeError('ttsCodeOf needs 4 random bytes');
  const n = new DataView(random.buffer, random.byteOffset, 4).getUint32(0);
  return `TTS_${100_000_000 + (n % 900_000_000)}`;
}

/** Length in characters as a person counts them (a Han character or an emoji is one). */
function charLength(text: string): number {
  return [...text].length;
}

/** The checked name: not blank, at most 64 characters. */
function checkedName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new DomainError('InvalidArgument', 'Name must not be blank', 'Name');
  if (charLength(name) > TTS_TEMPLATE_LIMITS.maxNameLength) {
    throw new DomainError('InvalidArgument', `Name is longer than ${TTS_TEMPLATE_LIMITS.maxNameLength} characters`, 'Name');
  }
  return name;
}

/** Refuses variables with an empty or over-long name and `${` that never closes, which would be spoken literally. */
function checkPlaceholders(content: string, variables: readonly string[]): void {
  if (variables.some((v) => v === '' || charLength(v) > TTS_TEMPLATE_LIMITS.maxVariableNameLength)) {
    throw new DomainError('InvalidArgument', `Content has a \${} variable with an empty name or one longer than ${TTS_TEMPLATE_LIMITS.maxVariableNameLength} characters`, 'Content');
  }
  if (content.replace(VARIABLE, '').includes('${')) {
    throw new DomainError('InvalidArgument', 'Content has a "${" that does not start a ${name} variable (names have no spaces, braces or "$")', 'Content');
  }
}

/** The checked content: not blank, at most 500 characters, no links, well-formed variables; CODE has exactly one. */
function checkedContent(content: string, type: TtsTemplateType): string {
  if (content.trim() === '') throw new DomainError('InvalidArgument', 'Content must not be blank', 'Content');
  if (charLength(content) > TTS_TEMPLATE_LIMITS.maxContentLength) {
    throw new DomainError('InvalidArgument', `Content is longer than ${TTS_TEMPLATE_LIMITS.maxContentLength} characters`, 'Content');
  }
  if (LINK.test(content)) throw new DomainError('InvalidArgument', 'Content must not contain links (http://, https:// or www.)', 'Content');
  const variables = templateVariables(content);
  checkPlaceholders(content, variables);
  if (type === 'CODE' && variables.length !== 1) {
    const found = variables.length === 0 ? 'none' : `${variables.length} (${variables.join(', ')})`;
    throw new DomainError('InvalidArgument', `a CODE (verification code) template must contain exactly one \${variable}; Content has ${found}`, 'Content');
  }
  return content;
}

/** The checked type. */
function checkedType(raw: string): TtsTemplateType {
  const type = TTS_TEMPLATE_TYPES.find((t) => t === raw);
  if (!type) throw new DomainError('InvalidArgument', `Type must be one of ${TTS_TEMPLATE_TYPES.join(', ')}`, 'Type');
  return type;
}

/** A new, approved template from checked input; InvalidArgument naming the parameter otherwise. */
export function newTtsTemplate(key: { accountId: string; code: string; at: number }, input: TtsTemplateInput): TtsTemplateRecord {
  const type = checkedType(input.type);
  return {
    accountId: key.accountId,
    code: key.code,
    name: checkedName(input.name),
    type,
    content: checkedContent(input.content, type),
    publicMode: input.publicMode,
    status: TTS_TEMPLATE_STATUS,
    createdAt: key.at,
  };
}
