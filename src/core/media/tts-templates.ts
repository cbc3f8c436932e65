/** The TTS template use cases: create, look up, list, delete; every lookup within the caller's account. */
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { TtsTemplateFilter, TtsTemplateStore } from '../../ports/voice-resource-store.js';
import { DomainError } from '../errors.js';
import { ShortLivedCache } from '../short-lived-cache.js';
import { newTtsTemplate, ttsCodeOf, type TtsTemplateInput, type TtsTemplateRecord } from './tts-template.js';

/** What the template service needs. */
export interface TtsTemplateDeps {
  store: TtsTemplateStore;
  clock: Clock;
  randomBytes: (size: number) => Uint8Array;
}

// 9e8 codes per account make a collision rare; a few fresh draws settle it.
const CODE_ATTEMPTS = 5;

/** NotFound about the TtsCode parameter. */
function missing(code: string): DomainError {
  return new DomainError('NotFound', `The specified TtsCode "${code}" does not exist.`, 'TtsCode');
}

/**
 * How long a template looked up for a call is reused. Every single call reads its template; a template deleted through
 * another waihu process may still be used for this long (through this one, never: delete forgets it at once).
 */
export const TEMPLATE_CACHE_MS = 2_000;

/** The account's TTS templates. */
export class TtsTemplateService {
  private readonly cache: ShortLivedCache<TtsTemplateRecord | undefined>;

  constructor(private readonly deps: TtsTemplateDeps) {
    this.cache = new ShortLivedCache(deps.clock, TEMPLATE_CACHE_MS);
  }

  /** Creates an approved template under a fresh TtsCode; InvalidArgument naming the parameter on bad input. */
  async create(accountId: string, input: TtsTemplateInput): Promise<TtsTemplateRecord> {
    for (let attempt = 1; ; attempt++) {
      const code = ttsCodeOf(this.deps.randomBytes(4));
      const template = newTtsTemplate({ accountId, code, at: this.deps.clock.now() }, input);
      try {
        await this.deps.store.insertTtsTemplate(template);
        return template;
      } catch (error) {
        const taken = error instanceof DomainError && error.code === 'AlreadyExists' && error.param === 'TtsCode';
        if (!taken || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** One template of the account; NotFound otherwise (another account's code included). */
  async get(accountId: string, code: string): Promise<TtsTemplateRecord> {
    const template = await this.cache.get(cacheKey(accountId, code), () => this.deps.store.getTtsTemplate(accountId, code));
    if (!template) throw missing(code);
    return template;
  }

  /** The account's templates matching the filter, newest first. */
  page(accountId: string, filter: TtsTemplateFilter, page: PageRequest): Promise<Page<TtsTemplateRecord>> {
    return this.deps.store.pageTtsTemplates(accountId, filter, page);
  }

  /** Deletes the template; calls placed afterwards with its code are refused as NotFound. */
  async delete(accountId: string, code: string): Promise<void> {
    const deleted = await this.deps.store.deleteTtsTemplate(accountId, code);
    this.cache.invalidate(cacheKey(accountId, code));
    if (!deleted) throw missing(code);
  }
}

function cacheKey(accountId: string, code: string): string {
  return `${accountId}\u0000${code}`;
}
