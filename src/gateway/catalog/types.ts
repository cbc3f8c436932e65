/** The shape of an API action as the gateway knows it: derived from the spec catalogs, or declared in code. */

/** The four products served on the one gateway. */
export type ProductName = 'dyvmsapi' | 'aiccs' | 'thirdswaicall' | 'waihu';

/** Wire types a parameter can have (catalog spellings normalised). */
export type ParamType = 'String' | 'Integer' | 'Long' | 'Number' | 'Boolean' | 'Array' | 'Object';

/** One request parameter. Arrays and objects may arrive flattened (`X.1.Sub`) or as one JSON string. */
export interface ParamSpec {
  /** Wire name at the top level, e.g. `MenuKeyMap` (never `MenuKeyMap.N.Key`). */
  name: string;
  type: ParamType;
  required: boolean;
  /** Allowed values, compared as strings. */
  enum?: string[];
  /** Inclusive numeric range for Integer/Long/Number. */
  min?: number;
  max?: number;
  /** Length limits of a String, in `lengthUnit`. */
  minLength?: number;
  maxLength?: number;
  lengthUnit?: 'bytes' | 'chars';
  /** Element spec of an Array (its name is ignored). */
  items?: ParamSpec;
  /** Member specs of an Object; absent for free-form maps. */
  fields?: ParamSpec[];
  /**
   * How the SDKs send this Array/Object as one value instead of `X.1…` keys: JSON text, or
   * comma-joined (`simple`, aiccs `AgentIds=1,2`). Absent when the SDKs flatten it.
   */
  shrink?: 'json' | 'simple';
  /** A human hint from the docs, e.g. a date format; shown in docs/api-coverage.md. */
  format?: string;
  /** One line of documentation. */
  description?: string;
}

/** Where an action's specification came from; `catalog` and `code` are fully specified. */
export type SpecSource = 'catalog' | 'sdk-model' | 'directory' | 'code';

/** Everything the gateway needs to route, validate and throttle one action. */
export interface ActionSpec {
  product: ProductName;
  version: string;
  action: string;
  source: SpecSource;
  /** Upper-case HTTP methods accepted. */
  methods: string[];
  /** Documented QPS limits: per AccessKey (`perUser`) and for the whole API (`api`). */
  qps?: { perUser?: number; api?: number };
  params: ParamSpec[];
  /** The documented success `Code` value ("OK", "200", ...), when the response carries one. */
  successCode?: string;
  /** Top-level response fields the SDK model types as string even when they hold structure. */
  stringFields?: string[];
  /** One line: what the action does. */
  summary?: string;
}
