// The page-side rules of a live class: how a player is moved toward the class
// clock, and the heart-rate zones of the board. Run by ctest (web_unit) with
// Node's own test runner.
import assert from 'node:assert/strict';
import test from 'node:test';

import { heartRateZone } from '../../web/js/live_board.js';
import { syncStep } from '../../web/js/live_clock.js';

test('a player on the class clock plays at normal speed', () => {
  assert.deepEqual(syncStep(10_000, 10_000), { rate: 1 });
  assert.deepEqual(syncStep(10_000, 10_030), { rate: 1 });
});

test('a player a little off is nudged, never beyond 0.95–1.05', () => {
  assert.equal(syncStep(10_000, 10_050).rate, 1.025);  // 50 ms behind: a little faster
  assert.equal(syncStep(10_050, 10_000).rate, 0.975);  // 50 ms ahead: a little slower
  assert.equal(syncStep(10_000, 10_900).rate, 1.05);
  assert.equal(syncStep(10_900, 10_000).rate, 0.95);
});

test('a player more than a second off seeks by exactly what it is off', () => {
  assert.deepEqual(syncStep(10_000, 12_500), { seekBy: 2.5 });
  assert.deepEqual(syncStep(13_000, 10_000), { seekBy: -3 });
});

test('heart-rate zones follow the share of the participant\'s maximum', () => {
  assert.equal(heartRateZone(100, 200).zone, 1);
  assert.equal(heartRateZone(120, 200).zone, 2);
  assert.equal(heartRateZone(150, 200).zone, 3);
  assert.equal(heartRateZone(170, 200).zone, 4);
  assert.equal(heartRateZone(185, 200).zone, 5);
  assert.equal(heartRateZone(171).zone, 5);  // no maximum known: 190
});
