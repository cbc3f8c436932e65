/**
 * The customer's SmartCall callback (dyvms "智能语音交互呼出回调HTTP接口"): during a SmartCall, every moment that needs
 * a decision (the callee said something, stayed silent, pressed keys, was cut off by speaking) is sent to the
 * customer's server, which answers with the next action. Implemented by HttpSmartCallHook; the flow that uses it is
 * flows/callback/smart-call-flow.ts, and docs/smartcall-callback.md describes the wire.
 */

/** What kind of moment an event reports (the wire's `content_type`). */
export type SmartCallContentType = 'normal' | 'mute' | 'timebreak' | 'dtmf' | 'parallel_transfer';

/** A value inside an event's content; the wire carries strings, numbers and booleans only. */
export type SmartCallContentValue = string | number | boolean;

/** One callback to the customer's server. */
export interface SmartCallEvent {
  /** The call id (`n^n` form) SmartCall returned. */
  callId: string;
  /** When it happened, epoch ms on the engine clock. */
  timestamp: number;
  contentType: SmartCallContentType;
  /** The content object; sent as JSON text (or a nested object in a JSON body, see the adapter). */
  content: Readonly<Record<string, SmartCallContentValue>>;
  /** The dynamic_id in force, repeated beside the content because the doc says it comes back "in the URL". */
  dynamicId?: string;
}

/** Why an event got no usable answer: no answer in time, no connection, a non-2xx status, a body that is not JSON. */
export type HookFailure = 'timeout' | 'unreachable' | 'http-status' | 'unreadable' | 'aborted';

/** The customer's answer as parsed JSON (judged by flows/callback/hook-reply.ts), or why there is none. */
export type HookReply =
  | { ok: true; body: unknown }
  | { ok: false; failure: HookFailure; detail: string };

/** Sends SmartCall events to one customer endpoint. */
export interface SmartCallHook {
  /** Sends one event and waits for the answer; never rejects. Aborting `signal` gives up at once ('aborted'). */
  send(event: SmartCallEvent, signal?: AbortSignal): Promise<HookReply>;
}
