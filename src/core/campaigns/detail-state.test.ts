import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canMoveDetail,
  DETAIL_STATES,
  detailStatesForQueryStatus,
  isCancellableDetailState,
  isDetailState,
  isSettlementState,
  isTerminalDetailState,
  nextDetailState,
  type DetailState,
} from './detail-state.js';

// Legal moves as a matrix, row = from, column = to.
const LEGAL: Readonly<Record<DetailState, readonly DetailState[]>> = {
  0: [1, 5],
  1: [3, 5],
  2: [3, 5],
  3: [1, 2, 4, 5],
  4: [],
  5: [],
};

test('only the documented moves between detail states are legal', () => {
  for (const from of DETAIL_STATES) {
    for (const to of DETAIL_STATES) assert.equal(canMoveDetail(from, to), LEGAL[from].includes(to), `${from} -> ${to}`);
  }
});

test('events lead where the reading says', () => {
  assert.equal(nextDetailState(0, 'release'), 1);
  assert.equal(nextDetailState(1, 'claim'), 3);
  assert.equal(nextDetailState(2, 'claim'), 3);
  assert.equal(nextDetailState(3, 'give-back', 2), 2);
  assert.equal(nextDetailState(3, 'give-back'), 1);
  assert.equal(nextDetailState(3, 'retry'), 2);
  assert.equal(nextDetailState(3, 'end'), 4);
  assert.equal(nextDetailState(3, 'fail'), 5);
  assert.equal(nextDetailState(3, 'cancel'), undefined);
  assert.equal(nextDetailState(4, 'claim'), undefined);
  assert.equal(nextDetailState(0, 'claim'), undefined, 'a task that never ran has nothing to claim');
});

test('only 4 and 5 are terminal; only 0, 1 and 2 can be cancelled; outcomes settle into 2, 4 or 5', () => {
  assert.deepEqual(DETAIL_STATES.filter(isTerminalDetailState), [4, 5]);
  assert.deepEqual(DETAIL_STATES.filter(isCancellableDetailState), [0, 1, 2]);
  assert.deepEqual(DETAIL_STATES.filter(isSettlementState), [2, 4, 5]);
});

test("QueryAiCallDetailPage's Status 0/1/2 selects unfinished, ended and failed details", () => {
  assert.deepEqual(detailStatesForQueryStatus(0), [0, 1, 2, 3]);
  assert.deepEqual(detailStatesForQueryStatus(1), [4]);
  assert.deepEqual(detailStatesForQueryStatus(2), [5]);
  assert.equal(isDetailState(3), true);
  assert.equal(isDetailState(6), false);
  assert.equal(isDetailState('1'), false);
});
