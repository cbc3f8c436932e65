/** The LLM application use cases: create, edit, delete, look up, list. */
import type { NameFilter } from '../../ports/agent-store.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import { DomainError } from '../errors.js';
import type { AgentProfile } from './agent-profile.js';
import { applicationProfileOf } from './agent-profiles.js';
import { changeRecord, notFound, refuseIfUsedByTasks, type AgentDeps } from './agent-deps.js';
import {
  APPLICATION_CODE_BYTES,
  applicationCodeOf,
  editedLlmApplication,
  newLlmApplication,
  type LlmApplicationInput,
  type LlmApplicationRecord,
} from './llm-application.js';

// 36^10 codes per account make a collision freak luck; a few fresh draws settle it for good.
const CODE_ATTEMPTS = 5;

/** The account's LLM applications. */
export class LlmApplicationService {
  constructor(private readonly deps: AgentDeps) {}

  /** Creates an application under a fresh ApplicationCode; AlreadyExists when the name is taken. */
  async create(accountId: string, input: LlmApplicationInput): Promise<LlmApplicationRecord> {
    for (let attempt = 1; ; attempt++) {
      const code = applicationCodeOf(this.deps.randomBytes(APPLICATION_CODE_BYTES));
      const app = newLlmApplication({ code, accountId, at: this.deps.clock.now() }, input);
      try {
        await this.deps.store.insertLlmApplication(app);
        return app;
      } catch (error) {
        const codeTaken = error instanceof DomainError && error.code === 'AlreadyExists' && error.param === 'ApplicationCode';
        if (!codeTaken || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** Edits the application; calls placed afterwards use the new prompt and voice. */
  update(accountId: string, code: string, input: LlmApplicationInput): Promise<LlmApplicationRecord> {
    return changeRecord({
      load: () => this.deps.store.getLlmApplication(accountId, code),
      change: (app) => editedLlmApplication(app, input, this.deps.clock.now()),
      write: (next, current) => this.deps.store.replaceLlmApplication(next, current.revision),
      missing: () => notFound('ApplicationCode', code),
    });
  }

  /** Deletes the application; InvalidState while an agent links it or a task that may still call uses it. */
  async delete(accountId: string, code: string): Promise<void> {
    await this.get(accountId, code);
    const linked = await this.deps.store.countVoiceAgentsUsingApplication(accountId, code);
    if (linked > 0) {
      throw new DomainError('InvalidState', `application ${code} is linked by ${linked} AI voice agent(s); unlink them first (UpdateAiVoiceAgent with ApplicationCode "")`, 'ApplicationCode');
    }
    await refuseIfUsedByTasks(this.deps, accountId, { applicationCode: code }, `application ${code}`, 'ApplicationCode');
    if (!(await this.deps.store.deleteLlmApplication(accountId, code))) throw notFound('ApplicationCode', code);
  }

  /** One application of the account; NotFound otherwise. */
  async get(accountId: string, code: string): Promise<LlmApplicationRecord> {
    const app = await this.deps.store.getLlmApplication(accountId, code);
    if (!app) throw notFound('ApplicationCode', code);
    return app;
  }

  /** The account's applications matching the filter, newest first. */
  page(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<LlmApplicationRecord>> {
    return this.deps.store.pageLlmApplications(accountId, filter, page);
  }

  /** What a call with this application runs (LlmSmartCall, tasks with an ApplicationCode). */
  async profile(accountId: string, code: string): Promise<AgentProfile> {
    return applicationProfileOf(await this.get(accountId, code));
  }
}
