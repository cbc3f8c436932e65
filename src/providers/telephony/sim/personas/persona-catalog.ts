/**
 * Who answers each simulated call. A number always reaches the same persona (a hash of seed and number laid over
 * the weights), so a rerun or a retry meets the same person; what that person says varies per call (the call id
 * seeds the callee's stream). A recipient variable `sim_persona` names the persona outright, for tests and demos.
 */
import { DomainError } from '../../../../core/errors.js';
import type { Llm } from '../../../../ports/llm.js';
import { magicBehaviour } from '../magic-numbers.js';
import { seededRandom } from '../prng.js';
import type { CalleeAction, CalleeChooser, CalleeCue, SimCallee } from '../sim-callee.js';
import { BUILT_IN_PERSONAS } from './built-in-personas.js';
import { KeywordPersonaCallee } from './keyword-persona-callee.js';
import { LlmPersonaCallee } from './llm-persona-callee.js';
import { parsePersonas, type Persona, type PersonaSpec } from './persona-format.js';
import { compilePersona, type CompiledPersona } from './persona-rules.js';

/** The recipient variable that forces a persona by name, e.g. `{"sim_persona": "refuser"}`. */
export const PERSONA_VARIABLE = 'sim_persona';

/** What a catalog is built from. */
export interface PersonaCatalogOptions {
  /** Seed of every draw (use the carrier's `simSeed`, so one seed reproduces a whole forecast). */
  seed: number;
  /** Personas added to the built-in ones, validated here; one named like a built-in replaces it (weight 0 retires it). */
  custom?: readonly (Persona | PersonaSpec)[];
  /** When given, callees are played by this model, each with its keyword persona as the fallback. */
  llm?: Llm;
  /** Whether numbers ending in 0015 get callees that never hang up, as docs/simulator.md promises; default true. */
  magicNumbers?: boolean;
}

/** The persona catalog; pass `calleeFor` to SimTelephony as `callees`. */
export class PersonaCatalog {
  /** Every persona that can answer, built-ins first, in the order the weights are laid out. */
  readonly personas: readonly Persona[];
  private readonly byName: ReadonlyMap<string, CompiledPersona>;
  /** Running sums of the weights, for the draw. */
  private readonly bands: readonly number[];

  constructor(private readonly options: PersonaCatalogOptions) {
    if (!Number.isFinite(options.seed)) throw new RangeError(`persona seed must be a finite number, got ${options.seed}`);
    this.personas = mergePersonas(BUILT_IN_PERSONAS, options.custom ? parsePersonas(options.custom) : []);
    this.byName = new Map(this.personas.map((p) => [p.name, compilePersona(p)]));
    let sum = 0;
    this.bands = this.personas.map((p) => (sum += p.weight));
    if (!(sum > 0)) throw new DomainError('InvalidArgument', 'invalid personas: the weights sum to 0, so no persona can answer');
  }

  /** The persona `callee` reaches: the one `sim_persona` names when it names one, else the weighted draw. */
  personaFor(callee: string, variables: Readonly<Record<string, string>> = {}): Persona {
    return this.compiledFor(callee, variables).persona;
  }

  /** A fresh callee for one answered call (a CalleeChooser). */
  readonly calleeFor: CalleeChooser = ({ callee, callId, variables }) => {
    const number = numberKey(callee);
    const compiled = this.compiledFor(callee, variables);
    const keyword = new KeywordPersonaCallee(compiled, seededRandom(this.options.seed, 'callee', number, callId));
    const { llm } = this.options;
    const played: SimCallee = llm ? new LlmPersonaCallee(llm, keyword, seededRandom(this.options.seed, 'llm', number, callId)) : keyword;
    const steadfast = (this.options.magicNumbers ?? true) && magicBehaviour(callee)?.neverHangsUp === true;
    return steadfast ? new NeverHangsUp(played) : played;
  };

  private compiledFor(callee: string, variables: Readonly<Record<string, string>>): CompiledPersona {
    const named = this.byName.get(variables[PERSONA_VARIABLE]?.trim().toLowerCase() ?? '');
    if (named) return named;
    const u = seededRandom(this.options.seed, 'persona', numberKey(callee))();
    const total = this.bands[this.bands.length - 1] ?? 0;
    // Zero-weight personas own an empty band, so the draw never lands on them.
    const index = this.bands.findIndex((band) => u * total < band);
    const persona = this.personas[index >= 0 ? index : this.personas.length - 1];
    return this.byName.get(persona?.name ?? '') as CompiledPersona;
  }
}

/** The built-ins with the custom personas laid over them by name (replaced in place, new ones appended). */
function mergePersonas(builtIns: readonly Persona[], custom: readonly Persona[]): readonly Persona[] {
  const replaced = new Map(custom.map((p) => [p.name, p]));
  const merged = builtIns.map((p) => replaced.get(p.name) ?? p);
  const builtInNames = new Set(builtIns.map((p) => p.name));
  return Object.freeze([...merged, ...custom.filter((p) => !builtInNames.has(p.name))]);
}

/** The number as the draws see it: digits only, so the same number written with spaces or dashes meets the same persona. */
function numberKey(callee: string): string {
  const digits = callee.replace(/\D/g, '');
  return digits || callee;
}

/** A callee whose hang-ups are turned into silence: the magic number that promises the callee never hangs up. */
class NeverHangsUp implements SimCallee {
  constructor(private readonly inner: SimCallee) {}

  react(cue: CalleeCue): CalleeAction | Promise<CalleeAction> {
    const action = this.inner.react(cue);
    return action instanceof Promise ? action.then(stayOn) : stayOn(action);
  }
}

function stayOn(action: CalleeAction): CalleeAction {
  return action.kind === 'hangup' ? { kind: 'silence' } : action;
}
