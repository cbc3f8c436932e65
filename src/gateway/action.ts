/** What one API action looks like to the gateway: its spec plus the code that answers it. */
import type { ActionSpec } from './catalog/types.js';

/** Who is calling, established by the signature check. */
export interface ActionContext {
  requestId: string;
  accountId: string;
  accessKeyId: string;
}

/** Response fields of a successful call, without RequestId (the gateway adds it). */
export type ActionResult = Record<string, unknown>;

/** An implemented action. Params arrive validated and typed per `spec.params`. */
export interface ActionHandler {
  spec: ActionSpec;
  handle(ctx: ActionContext, params: Record<string, unknown>): Promise<ActionResult>;
}
