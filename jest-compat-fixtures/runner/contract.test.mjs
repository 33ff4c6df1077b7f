// node --test jest-compat-fixtures/runner/contract.test.mjs — runs every case and flow of the seeded world
// against the live server at BASE_URL (seeded with `seed-sample-data --world <world>`).
// PARLEY_SEED_WORLD names the world (default startup). scripts/test-fixtures-node does all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtures, Session } from './fixtures.mjs';

const baseUrl = process.env.BASE_URL;
const world = process.env.PARLEY_SEED_WORLD ?? 'startup';
if (!baseUrl) throw new Error('set BASE_URL to the server under test, e.g. http://127.0.0.1:3000');

const fixtures = loadFixtures(world);
const tokens = {};

test(`every actor of ${world} signs in as expected`, async () => {
  for (const [key, actor] of Object.entries(fixtures.actors)) {
    if (actor.forged || actor.seed !== world) continue;
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: actor.username, password: actor.password }),
    });
    const body = await response.json();
    assert.equal(response.status, actor.expectLogin, `${key}: ${JSON.stringify(body)}`);
    if (actor.expectLogin === 200) assert.deepEqual([...body.data.user.roles].sort(), [...actor.roles].sort(), key);
  }
});

for (const fixtureCase of fixtures.cases) {
  test(`case ${fixtureCase.id}`, async () => {
    const session = new Session(baseUrl, fixtures, tokens);
    const failures = [];
    for (const step of fixtureCase.setup ?? []) failures.push(...(await session.run(step, fixtureCase.as)).map((f) => `setup: ${f}`));
    if (failures.length === 0) failures.push(...(await session.run(fixtureCase, fixtureCase.as)));
    assert.deepEqual(failures, [], `${fixtureCase.file}: ${fixtureCase.id}`);
  });
}

for (const flow of fixtures.flows) {
  test(`flow ${flow.id}`, async () => {
    const session = new Session(baseUrl, fixtures, tokens);
    const failures = [];
    for (const step of flow.steps) {
      failures.push(...(await session.run(step, flow.as)).map((f) => `${step.id}: ${f}`));
      if (failures.length > 0) break;
    }
    for (const step of flow.cleanup ?? []) failures.push(...(await session.run(step, flow.as)).map((f) => `cleanup ${step.id}: ${f}`));
    assert.deepEqual(failures, [], `${flow.file}: ${flow.id}`);
  });
}
