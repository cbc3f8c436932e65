/**
 * The caller account's outcome model of the simulated carrier (docs/simulator.md) as waihu management actions:
 * set it from JSON text, read the effective one, reset it to the default.
 */
import { DomainError } from '../../../core/errors.js';
import type { Clock } from '../../../ports/clock.js';
import { SIM_MODEL_CACHE_MS, type AccountSimModel } from '../../../providers/telephony/sim/stored-sim-models.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

/** The use cases the simulator-model actions call (StoredSimModels provides them). */
export interface SimulatorModelServices {
  models: {
    current(accountId: string): Promise<AccountSimModel>;
    set(accountId: string, model: unknown, at: number): Promise<AccountSimModel>;
    reset(accountId: string): Promise<boolean>;
  };
  clock: Clock;
}

const MODEL_QPS = { perUser: 20, api: 200 };
const MAX_MODEL_CHARS = 8192;
const modelParam: ParamSpec = {
  name: 'Model', type: 'String', required: true, maxLength: MAX_MODEL_CHARS, lengthUnit: 'chars',
  description: 'The outcome model as JSON text: outcomes, setupSeconds, ringSeconds, noAnswerSeconds, talkSeconds (docs/simulator.md); fields left out follow the default model.',
};

/** The JSON text of the Model parameter, parsed; InvalidParameter when it is not JSON. */
function modelJson(params: Record<string, unknown>): unknown {
  try {
    return JSON.parse(params.Model as string);
  } catch (error) {
    throw new DomainError('InvalidArgument', `not JSON text: ${error instanceof Error ? error.message : String(error)}`, 'Model');
  }
}

/** Re-raises a model validation failure as about the Model parameter. */
function aboutModel(error: unknown): never {
  if (error instanceof DomainError && error.code === 'InvalidArgument') throw new DomainError(error.code, error.message, 'Model');
  throw error;
}

/** The response Data shared by the three actions. */
function describe(current: AccountSimModel): Record<string, unknown> {
  return { Model: current.model, IsDefault: current.isDefault, ...(current.updatedAt !== undefined ? { UpdateTime: current.updatedAt } : {}) };
}

/** SetSimulatorModel, GetSimulatorModel and ResetSimulatorModel for the caller's own account. */
export function simulatorModelActions(s: SimulatorModelServices): ActionHandler[] {
  return [
    {
      spec: waihuAction('SetSimulatorModel', `Sets the caller account's outcome model of the simulated carrier; dialers use it within ${SIM_MODEL_CACHE_MS / 1000} seconds.`, [modelParam], MODEL_QPS),
      handle: async (ctx, p) => ok(describe(await s.models.set(ctx.accountId, modelJson(p), s.clock.now()).catch(aboutModel))),
    },
    {
      spec: waihuAction('GetSimulatorModel', "Returns the caller account's effective simulator outcome model and whether it is the default.", [], MODEL_QPS),
      handle: async (ctx) => ok(describe(await s.models.current(ctx.accountId))),
    },
    {
      spec: waihuAction('ResetSimulatorModel', "Puts the caller account back on the simulator's default outcome model.", [], MODEL_QPS),
      handle: async (ctx) => {
        const removed = await s.models.reset(ctx.accountId);
        return ok({ ...describe(await s.models.current(ctx.accountId)), Removed: removed });
      },
    },
  ];
}
