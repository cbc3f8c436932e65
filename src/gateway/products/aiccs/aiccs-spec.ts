/** The specs of the aiccs actions waihu builds. */
import type { ActionSpec, ParamSpec } from '../../catalog/types.js';
import { catalogSpec } from '../catalog-spec.js';

/** The generated spec of an aiccs action, with waihu's optional `extensions` (see catalogSpec). */
export function aiccsSpec(action: string, extensions: readonly ParamSpec[] = []): ActionSpec {
  return catalogSpec('aiccs', action, extensions);
}
