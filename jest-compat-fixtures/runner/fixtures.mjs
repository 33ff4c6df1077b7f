// Loads jest-compat-fixtures and runs its cases and flows against a live server over HTTP.
// Dependency-free (Node 20: built-in fetch). The format is specified in ../README.md; the Swift
// runner (Tests/JestCompatTests) implements the same rules.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJSON = (...parts) => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));

/// Every case (in file-name order, then file order) and flow of `world`.
export function loadFixtures(world) {
  const manifest = readJSON('manifest.json');
  const actors = readJSON('actors.json');
  const caseFiles = readdirSync(join(root, 'cases')).filter((f) => f.endsWith('.json')).sort();
  const cases = caseFiles.flatMap((file) => readJSON('cases', file).map((c) => ({ ...c, file })))
    .filter((c) => (c.seed ?? 'startup') === world);
  const flows = readdirSync(join(root, 'flows')).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ ...readJSON('flows', file), file }))
    .filter((f) => (f.seed ?? 'startup') === world);
  // seed.<collection>.<_key>._id, read from the world's files.
  const seed = {};
  for (const [collection, file] of Object.entries(manifest.collections)) {
    const path = join(root, 'seed', world, file);
    if (!existsSync(path)) continue;
    seed[collection] = {};
    for (const record of JSON.parse(readFileSync(path, 'utf8'))) {
      if (record._key) seed[collection][record._key] = { _id: record._id.$oid ?? record._id };
    }
  }
  return { manifest, actors, cases, flows, seed };
}

/// The state of one case or flow: who is signed in, what was captured, the unique suffix.
export class Session {
  constructor(baseUrl, fixtures, tokens) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.fixtures = fixtures;
    this.tokens = tokens; // shared across cases: actor key → {token, id}
    this.captures = {};
    this.unique = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
  }

  async actor(key) {
    const actor = this.fixtures.actors[key];
    if (!actor) throw new Error(`unknown actor ${key}`);
    if (actor.forged) return { token: actor.token, id: actor.claims.userId };
    if (!this.tokens[key]) {
      const response = await fetch(`${this.baseUrl}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: actor.username, password: actor.password }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status !== 200) throw new Error(`login as ${key}: ${response.status} ${JSON.stringify(body)}`);
      this.tokens[key] = { token: body.data.accessToken, id: body.data.user._id };
    }
    return this.tokens[key];
  }

  /// The value a placeholder names; throws when it names nothing.
  async lookup(name) {
    const parts = name.split('.');
    const [head] = parts;
    if (head === 'baseUrl') return this.baseUrl;
    if (head === 'unique') return this.unique;
    if (head === 'const') {
      const value = this.fixtures.manifest.constants[parts[1]];
      if (value !== undefined) return value;
    } else if (head === 'capture') {
      const value = this.captures[parts.slice(1).join('.')];
      if (value !== undefined) return value;
    } else if (head === 'actor' && parts.length >= 3) {
      const actor = await this.actor(parts.slice(1, -1).join('.'));
      const value = actor[parts.at(-1)];
      if (value !== undefined) return value;
    } else if (head === 'seed' && parts.length >= 4) {
      const value = this.fixtures.seed[parts[1]]?.[parts.slice(2, -1).join('.')]?.[parts.at(-1)];
      if (value !== undefined) return value;
    }
    throw new Error(`unresolved placeholder {{${name}}}`);
  }

  /// Replaces placeholders in strings, arrays and objects. A string that is one placeholder
  /// becomes the value itself (a captured number stays a number).
  async resolve(value) {
    if (typeof value === 'string') {
      const whole = value.match(/^\{\{([^{}]+)\}\}$/);
      if (whole) return this.lookup(whole[1].trim());
      let out = '';
      let last = 0;
      for (const match of value.matchAll(/\{\{([^{}]+)\}\}/g)) {
        const found = await this.lookup(match[1].trim());
        out += value.slice(last, match.index) + (typeof found === 'string' ? found : JSON.stringify(found));
        last = match.index + match[0].length;
      }
      return out + value.slice(last);
    }
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.resolve(v)));
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = await this.resolve(v);
      return out;
    }
    return value;
  }

  /// Sends one step's request and checks its expectations; returns the failures (empty: passed).
  async run(step, defaultActor) {
    const request = await this.resolve(step.request);
    const actorKey = step.as ?? defaultActor ?? 'anonymous';
    const headers = { ...(request.headers ?? {}) };
    if (actorKey !== 'anonymous' && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
      headers.authorization = `Bearer ${(await this.actor(actorKey)).token}`;
    }
    let body;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.raw !== undefined) {
      body = request.raw;
    }
    let url = this.baseUrl + request.path;
    if (request.query) url += (url.includes('?') ? '&' : '?') + new URLSearchParams(request.query).toString();
    const response = await fetch(url, { method: request.method, headers, body });
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    const failures = await this.check(step.expect ?? {}, response.status, json);
    const label = `${request.method} ${request.path}`;
    if (failures.length === 0) {
      for (const [name, path] of Object.entries(step.capture ?? {})) {
        const value = valueAt(json, path);
        if (value === undefined) failures.push(`capture ${name}: nothing at ${path}`);
        else this.captures[name] = value;
      }
    }
    return failures.map((f) => `${label}: ${f} (status ${response.status}, body ${text.slice(0, 300)})`);
  }

  async check(expect, status, json) {
    const failures = [];
    if (expect.status !== undefined && expect.status !== status) failures.push(`status ${status}, expected ${expect.status}`);
    if (expect.envelope) {
      const problem = envelopeProblem(expect.envelope, json);
      if (problem) failures.push(problem);
    }
    for (const assertion of expect.json ?? []) {
      const problem = assertionProblem({ ...assertion, value: await this.resolve(assertion.value) }, json);
      if (problem) failures.push(problem);
    }
    return failures;
  }
}

/// `$`, `$.data.user._id`, `$.data.groups.0.name`.
export function valueAt(json, path) {
  if (path === '$') return json;
  if (!path.startsWith('$.')) throw new Error(`path must start with $: ${path}`);
  let value = json;
  for (const part of path.slice(2).split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[Number(part)] : value[part];
  }
  return value;
}

const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function envelopeProblem(kind, json) {
  const body = json ?? {};
  const ok = {
    success: body.success === true && body.data !== undefined,
    successExact: body.success === true && body.data !== undefined && Object.keys(body).length === 2,
    error: body.success === false && typeof body.message === 'string',
    gateError: body.status === 'error' && typeof body.message === 'string',
  }[kind];
  if (ok === undefined) return `unknown envelope ${kind}`;
  return ok ? null : `envelope is not ${kind}`;
}

function isSubset(expected, actual) {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    return actual && typeof actual === 'object' && Object.entries(expected).every(([k, v]) => isSubset(v, actual[k]));
  }
  return isDeepStrictEqual(expected, actual);
}

export function assertionProblem({ path, op, value }, json) {
  const actual = valueAt(json, path);
  const show = JSON.stringify(actual)?.slice(0, 120);
  const fail = (what) => `${path} ${what} (got ${show})`;
  switch (op) {
    case 'exists': return actual !== undefined ? null : fail('is missing');
    case 'absent': return actual === undefined ? null : fail('should be absent');
    case 'equals': return actual === value ? null : fail(`!== ${JSON.stringify(value)}`);
    case 'deepEquals': return isDeepStrictEqual(actual, value) ? null : fail(`does not deep-equal ${JSON.stringify(value)}`);
    case 'subset': return isSubset(value, actual) ? null : fail(`does not contain ${JSON.stringify(value)}`);
    case 'contains':
      if (typeof actual === 'string') return actual.includes(value) ? null : fail(`does not contain ${JSON.stringify(value)}`);
      if (Array.isArray(actual)) return actual.some((item) => isSubset(value, item)) ? null : fail(`has no element ${JSON.stringify(value)}`);
      return fail('is neither a string nor an array');
    case 'startsWith': return typeof actual === 'string' && actual.startsWith(value) ? null : fail(`does not start with ${JSON.stringify(value)}`);
    case 'matches': return typeof actual === 'string' && new RegExp(value).test(actual) ? null : fail(`does not match /${value}/`);
    case 'type': return typeOf(actual) === value ? null : fail(`is not of type ${value}`);
    case 'length': return actual?.length === value ? null : fail(`does not have length ${value}`);
    case 'minLength': return typeof actual?.length === 'number' && actual.length >= value ? null : fail(`is shorter than ${value}`);
    case 'gte': return typeof actual === 'number' && actual >= value ? null : fail(`is not >= ${value}`);
    case 'lte': return typeof actual === 'number' && actual <= value ? null : fail(`is not <= ${value}`);
    case 'oneOf': return value.some((v) => isDeepStrictEqual(v, actual)) ? null : fail(`is not one of ${JSON.stringify(value)}`);
    default: return `unknown op ${op}`;
  }
}
