import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedActionSpecs } from '../../catalog/catalog.js';
import { aiccsSpec } from './aiccs-spec.js';
import { TASK_EXTENSIONS } from './task-extensions.js';

const generated = (action: string) => generatedActionSpecs().find((s) => s.product === 'aiccs' && s.action === action);

test('a handler gets the generated spec itself, so validation stays the catalog’s', () => {
  assert.equal(aiccsSpec('StartAiCallTask'), generated('StartAiCallTask'));
});

test('extensions are appended after every catalog parameter, which stay as they are', () => {
  const spec = aiccsSpec('CreateAiCallTask', TASK_EXTENSIONS);
  const catalog = generated('CreateAiCallTask');
  assert.ok(catalog);
  assert.deepEqual(spec.params.slice(0, catalog.params.length), catalog.params);
  assert.deepEqual(spec.params.slice(catalog.params.length).map((p) => p.name), ['TimeZone', 'CallerNumbers', 'Concurrency']);
  assert.deepEqual({ ...spec, params: [] }, { ...catalog, params: [] });
});

test('a missing action, a required extension or one that shadows a catalog parameter fails at startup', () => {
  assert.throws(() => aiccsSpec('NoSuchAction'), /no generated spec/);
  assert.throws(() => aiccsSpec('StartAiCallTask', [{ name: 'TaskId', type: 'String', required: false }]), /already a catalog parameter/);
  assert.throws(() => aiccsSpec('StartAiCallTask', [{ name: 'X', type: 'String', required: true }]), /must be optional/);
});
