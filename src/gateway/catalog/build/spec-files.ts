/** The spec files the catalog generator reads, typed to the keys it uses (../shared/spec). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One request parameter of the dyvmsapi catalog (seed 003). */
export interface DyvmsCatalogParam {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  range?: string;
  lengthBytes?: string;
  lengthChars?: string;
  enum?: { value: string }[];
  format?: string;
  repeatList?: boolean;
}

/** One API of the dyvmsapi catalog. */
export interface DyvmsCatalogApi {
  action: string;
  summary?: string;
  qps?: { perUser?: number | null; api?: number | null } | null;
  params: DyvmsCatalogParam[];
  response?: { name: string; type: string }[];
  responseExampleJson?: Record<string, unknown>;
}

/** An OpenAPI-style schema as the aiccs metadata writes it. */
export interface OpenApiSchema {
  type: string;
  format?: string;
  required?: boolean;
  title?: string;
  description?: string;
  // The seed writes these limits as strings ("32") as often as numbers.
  maxLength?: number | string;
  minLength?: number | string;
  minimum?: number | string;
  maximum?: number | string;
  enum?: (string | number)[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
}

/** One API of the aiccs metadata (seed 002). */
export interface AiccsCatalogApi {
  summary?: string;
  title?: string;
  methods?: string[];
  parameters?: { name: string; in: string; style?: string; schema: OpenApiSchema }[];
  responses?: { '200'?: { schema?: OpenApiSchema } };
  responseDemo?: string;
}

/** The aiccs metadata: every API named in `directories`, 20 specified in `apis`. */
export interface AiccsCatalog {
  directories: { title: string; children: string[] }[];
  apis: Record<string, AiccsCatalogApi>;
}

/** One API of the thirdswaicall catalog (seeds 000/001). */
export interface ThirdsCatalogApi {
  action: string;
  summary?: string;
  params: { name: string; type: string; required: boolean; description?: string; encoding?: string }[];
}

/** A parameter, array item or object member of an SDK model. */
export interface SdkParam {
  name?: string;
  type: string;
  format?: string;
  required?: boolean;
  shrink?: boolean;
  shrinkStyle?: string;
  items?: SdkParam;
  fields?: SdkParam[];
}

/** One action of an official generated SDK. */
export interface SdkApi {
  action: string;
  method: string;
  params: SdkParam[];
  response: { fields?: { name: string; type: string }[] };
}

/** The SDK model file of one product. */
export interface SdkModel {
  apis: Record<string, SdkApi>;
}

/** Everything the generator reads. */
export interface SpecInputs {
  dyvmsCatalog: { apis: DyvmsCatalogApi[] };
  aiccsCatalog: AiccsCatalog;
  thirdsCatalog: { apis: ThirdsCatalogApi[] };
  dyvmsSdk: SdkModel;
  aiccsSdk: SdkModel;
  thirdsSdk: SdkModel;
}

/** Reads the six spec files from a spec directory (the one holding catalog/ and sdk-models/). */
export function readSpecInputs(specDir: string): SpecInputs {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(specDir, path), 'utf8'));
  return {
    dyvmsCatalog: read('catalog/dyvmsapi-2017-05-25.json') as SpecInputs['dyvmsCatalog'],
    aiccsCatalog: read('catalog/aiccs-2019-10-15.json') as AiccsCatalog,
    thirdsCatalog: read('catalog/thirdswaicall-2025-11-27.json') as SpecInputs['thirdsCatalog'],
    dyvmsSdk: read('sdk-models/dyvmsapi-2017-05-25.sdk.json') as SdkModel,
    aiccsSdk: read('sdk-models/aiccs-2019-10-15.sdk.json') as SdkModel,
    thirdsSdk: read('sdk-models/thirdswaicall-2025-11-27.sdk.json') as SdkModel,
  };
}
