/** All implemented actions of all products, keyed for the gateway. */
import type { ActionHandler } from '../action.js';
import { handlerKey } from '../gateway.js';
import { aiccsHandlers, type AiccsServices } from './aiccs/index.js';
import { dyvmsHandlers, type DyvmsServices } from './dyvmsapi/index.js';
import { thirdswaicallHandlers, type ThirdswaicallServices } from './thirdswaicall/index.js';
import { waihuHandlers, type WaihuServices } from './waihu/index.js';

/** The core services the product faces need. */
export type ProductServices = WaihuServices & AiccsServices & DyvmsServices & { thirdswaicall: ThirdswaicallServices };

/** Builds the `product/action` -> handler map. */
export function buildHandlers(services: ProductServices): Map<string, ActionHandler> {
  const map = new Map<string, ActionHandler>();
  for (const handler of [...waihuHandlers(services), ...aiccsHandlers(services), ...thirdswaicallHandlers(services.thirdswaicall), ...dyvmsHandlers(services)]) {
    map.set(handlerKey(handler.spec.product, handler.spec.action), handler);
  }
  return map;
}
