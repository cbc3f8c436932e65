/** The Alibaba RPC edge: route, authenticate, throttle, validate, run the action, render. */
import { newRequestId } from '../core/ids.js';
import type { ActionHandler } from './action.js';
import type { AuthInput, AuthResult } from './auth/authenticate.js';
import type { ActionCatalog } from './catalog/catalog.js';
import type { ActionSpec } from './catalog/types.js';
import { toGatewayError } from './domain-errors.js';
import { gatewayErrors, type GatewayError } from './errors.js';
import { productInfo } from './catalog/products.js';
import { businessPairs, extractParams } from './params/extract.js';
import { jsonBodyToPairs } from './params/flatten.js';
import { validateParams } from './params/validate.js';
import { renderError, renderSuccess, type GatewayResponse } from './render/respond.js';
import type { GatewayRequest, Pair } from './request.js';
import { checkFormat, resolveAction, responseFormat, type ResponseFormat } from './route.js';
import type { Throttler } from './throttle.js';

/** One line of the request log. */
export interface RequestLog {
  requestId: string;
  product?: string;
  action?: string;
  accessKeyId?: string;
  status: number;
  code?: string;
  latencyMs: number;
}

/** What the gateway is built from; wired in src/app. */
export interface GatewayDeps {
  catalog: ActionCatalog;
  /** Implemented actions, by `product/action`. */
  handlers: ReadonlyMap<string, ActionHandler>;
  authenticate(input: AuthInput): Promise<AuthResult>;
  throttler?: Throttler;
  onRequest?(log: RequestLog): void;
  /** Called with unexpected failures (they reach the client only as InternalError). */
  onUnexpectedError?(err: unknown, requestId: string): void;
}

/** Who an already-authenticated call (the console's) acts as. */
export interface CallerIdentity {
  accountId: string;
  /** What the request log and the throttler know the caller by, e.g. `console:admin`. */
  accessKeyId: string;
}

/** Key of an implemented action in GatewayDeps.handlers. */
export function handlerKey(product: string, action: string): string {
  return `${product}/${action}`;
}

/** Answers one request; never throws. */
export class Gateway {
  constructor(private readonly deps: GatewayDeps) {}

  /** Handles a request end to end and always produces a response. */
  async handle(req: GatewayRequest): Promise<GatewayResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const log: RequestLog = { requestId, status: 0, latencyMs: 0 };
    let format: ResponseFormat = 'JSON';
    let spec: ActionSpec | undefined;
    let response: GatewayResponse;
    try {
      const params = extractParams(req);
      format = responseFormat(req, params);
      checkFormat(params);
      spec = resolveAction(this.deps.catalog, req, params);
      log.product = spec.product;
      log.action = spec.action;
      const auth = await this.deps.authenticate({ req, queryPairs: params.queryPairs, formPairs: params.formPairs });
      log.accessKeyId = auth.accessKeyId;
      this.deps.throttler?.check(spec, auth.accessKeyId);
      const result = await this.run(spec, requestId, auth, businessPairs(params, auth.signatureVersion === 'v1'));
      response = renderSuccess(spec, requestId, result, format);
    } catch (err) {
      const { error, unexpected } = toGatewayError(err);
      if (unexpected) this.deps.onUnexpectedError?.(err, requestId);
      log.code = error.code;
      response = renderError(error, requestId, this.hostId(spec, req), format);
    }
    log.status = response.status;
    log.latencyMs = Math.round((performance.now() - started) * 100) / 100;
    this.deps.onRequest?.(log);
    return response;
  }

  /**
   * Runs an action for a caller someone else has already authenticated (the web console's session): the same
   * throttling, parameter validation, handler and rendering as handle(), always JSON. `params` is the action's
   * parameters as a JSON body of the V3 SDKs would carry them (nested objects and arrays allowed).
   */
  async invoke(identity: CallerIdentity, product: string, action: string, params: Readonly<Record<string, unknown>>): Promise<GatewayResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const log: RequestLog = { requestId, accessKeyId: identity.accessKeyId, status: 0, latencyMs: 0 };
    let spec: ActionSpec | undefined;
    let response: GatewayResponse;
    try {
      const info = productInfo(product);
      spec = info && this.deps.catalog.findAction(info.name, action);
      if (!spec) throw gatewayErrors.invalidApi(action, info?.version ?? product);
      log.product = spec.product;
      log.action = spec.action;
      this.deps.throttler?.check(spec, identity.accessKeyId);
      const result = await this.run(spec, requestId, identity, jsonBodyToPairs(params));
      response = renderSuccess(spec, requestId, result, 'JSON');
    } catch (err) {
      const { error, unexpected } = toGatewayError(err);
      if (unexpected) this.deps.onUnexpectedError?.(err, requestId);
      log.code = error.code;
      const hostId = (spec && this.deps.catalog.endpointOf(spec.product)) ?? 'waihu';
      response = renderError(error, requestId, hostId, 'JSON');
    }
    log.status = response.status;
    log.latencyMs = Math.round((performance.now() - started) * 100) / 100;
    this.deps.onRequest?.(log);
    return response;
  }

  /** Validates the business parameters and runs the action's handler for the caller. */
  private async run(spec: ActionSpec, requestId: string, caller: CallerIdentity, pairs: readonly Pair[]): Promise<Record<string, unknown>> {
    const input = validateParams(spec, pairs);
    const handler = this.deps.handlers.get(handlerKey(spec.product, spec.action));
    if (!handler) throw gatewayErrors.notImplemented(spec.product, spec.action);
    return handler.handle({ requestId, accountId: caller.accountId, accessKeyId: caller.accessKeyId }, input);
  }

  /** Answers a request the HTTP layer refused before reading it whole (e.g. a body over the size limit). */
  reject(req: GatewayRequest, error: GatewayError): GatewayResponse {
    const requestId = newRequestId();
    // Only the query was read; without a Format there, JSON is what every SDK parses.
    const format = /(^|&)Format=xml(&|$)/i.test(req.rawQuery) ? 'XML' : 'JSON';
    const response = renderError(error, requestId, this.hostId(undefined, req), format);
    this.deps.onRequest?.({ requestId, status: response.status, code: error.code, latencyMs: 0 });
    return response;
  }

  private hostId(spec: ActionSpec | undefined, req: GatewayRequest): string {
    const endpoint = spec ? this.deps.catalog.endpointOf(spec.product) : undefined;
    return endpoint ?? (req.headers['host'] ?? 'waihu').replace(/:\d+$/, '');
  }
}
