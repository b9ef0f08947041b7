#!/usr/bin/env node
// Sync against a real server: the native CLI (`doorstep sync/push/pull/server-setup`) and a
// PouchDB client, against pouchdb-server in memory on a free loopback port that this script
// starts and stops itself. A small proxy in front of the server lets a scenario cut the CLI off
// at an exact moment (kill -9 mid-sync) or make the server fail.
//
//   node tests/sync/run.mjs path/to/doorstep      (CTest runs it; npm packages from tests/browser)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const npmRoot = path.join(root, 'tests/browser');
const cli = path.resolve(process.argv[2] || path.join(root, 'build/native/doorstep'));
if (!fs.existsSync(path.join(npmRoot, 'node_modules/pouchdb-server'))) {
  console.error('tests/sync: tests/browser/node_modules has no pouchdb-server: run scripts/setup (npm ci in tests/browser)');
  process.exit(1);
}
const require = createRequire(path.join(npmRoot, 'package.json'));
const clock = JSON.parse(fs.readFileSync(path.join(root, 'tests/test-clock.json'), 'utf8'));
const NOW = process.env.DOORSTEP_TEST_NOW || clock.now;
const TODAY = NOW.slice(0, 10);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-sync-'));
const ADMIN = { user: 'admin', password: 'admin-secret' };
const OFFICER = { user: 'officer', password: 'officer-secret' };
const VISITOR = { user: 'visitor', password: 'visitor-secret' };

// --- helpers ---------------------------------------------------------------------------------------
let failures = 0;
const results = [];
function check(cond, what) {
  if (!cond) throw new Error('expected: ' + what);
}
async function scenario(name, fn) {
  const began = Date.now();
  try {
    await fn();
    results.push(`ok   ${name} (${Date.now() - began} ms)`);
  } catch (e) {
    failures++;
    results.push(`FAIL ${name}: ${e.stack || e}`);
  }
  console.log(results[results.length - 1]);
}

function doorstep(args, { env = {}, ok = true } = {}) {
  const r = spawnSync(cli, args, { encoding: 'utf8', env: { ...process.env, DOORSTEP_NOW: NOW, ...env }, maxBuffer: 1 << 28 });
  if (ok && r.status !== 0)
    throw new Error(`doorstep ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

// The same, without blocking this process: needed whenever the CLI talks through the proxy,
// which runs in this process.
function doorstepAsync(args, { env = {}, ok = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { env: { ...process.env, DOORSTEP_NOW: NOW, ...env } });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code, signal) => {
      if (ok && code !== 0) reject(new Error(`doorstep ${args.join(' ')} exited ${code}\n${out}\n${err}`));
      else resolve({ code, out, err, signal });
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function request(base, method, p, body, auth = ADMIN) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (auth) headers.Authorization = 'Basic ' + Buffer.from(`${auth.user}:${auth.password}`).toString('base64');
  let r;
  for (let attempt = 0; ; attempt++) {
    try {
      r = await fetch(base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      break;
    } catch (e) {
      // A kept-alive connection the server closed meanwhile: once more on a new one.
      if (attempt > 0) throw new Error(`${method} ${p}: ${e} ${e.cause || ''}`);
    }
  }
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text };
}

async function startServer() {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(work, 'server-'));
  const bin = path.join(here, 'pouchdb-server.cjs');  // pouchdb-server with the fix of its issue #419
  const proc = spawn(process.execPath, [bin, '--in-memory', '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs',
    '--config', path.join(dir, 'config.json')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(base + '/');
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (i > 200 || proc.exitCode !== null) throw new Error('pouchdb-server did not start: ' + stderr);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Admin party off: an administrator, an officer (member role "doorstep") and a visitor (no role).
  let r = await request(base, 'PUT', '/_config/admins/' + ADMIN.user, ADMIN.password, null);
  check(r.status === 200, 'an administrator is set up: ' + r.text);
  for (const [u, roles] of [[OFFICER, ['doorstep']], [VISITOR, []]]) {
    r = await request(base, 'PUT', '/_users/org.couchdb.user:' + u.user,
      { _id: 'org.couchdb.user:' + u.user, name: u.user, password: u.password, roles, type: 'user' });
    check(r.status === 201, 'user ' + u.user + ' is created: ' + r.text);
  }
  return { base, port, stop: () => proc.kill('SIGTERM') };
}

// A proxy in front of the server: `hook(req, body)` may answer itself ({status, body}), or ask
// for the request to be forwarded and then `after(res)` to run (e.g. kill the client) instead
// of answering.
async function startProxy(target) {
  const port = await freePort();
  const proxy = { hook: null, requests: [] };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      proxy.requests.push(req.method + ' ' + req.url);
      const decision = proxy.hook ? proxy.hook(req, body) : null;
      if (decision && decision.status) {
        res.writeHead(decision.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(decision.body || {}));
        return;
      }
      const headers = {};
      for (const k of ['authorization', 'content-type', 'accept']) if (req.headers[k]) headers[k] = req.headers[k];
      let up, bytes;
      try {
        up = await fetch(target + req.url, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method) ? undefined : body });
        bytes = Buffer.from(await up.arrayBuffer());
      } catch (e) {
        res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'proxy', reason: String(e) }));
        return;
      }
      if (decision && decision.after) {
        decision.after();
        return;  // never answered: the client dies waiting
      }
      const out = {};
      up.headers.forEach((v, k) => { if (!['content-encoding', 'transfer-encoding', 'connection', 'content-length'].includes(k)) out[k] = v; });
      res.writeHead(up.status, out);
      res.end(bytes);
    });
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  proxy.base = `http://127.0.0.1:${port}`;
  proxy.stop = () => server.close();
  return proxy;
}

const url = (base, who = OFFICER) => base.replace('http://', `http://${who.user}:${who.password}@`);
const storeDir = (name) => path.join(work, 'store-' + name);
function exportStore(name) {
  const file = path.join(work, `export-${name}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  doorstep(['store-export', '--store', storeDir(name), '-o', file]);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
function demo(cases, extra = []) {
  const file = path.join(work, `demo-${cases}-${extra.join('')}.json`);
  if (!fs.existsSync(file)) doorstep(['demo', '--cases', String(cases), '--on', TODAY, '-o', file, ...extra]);
  return file;
}
// Numbers printed by the CLI's summary line: "received 3 case revisions, ... sent 2 ...".
function summary(out) {
  const m = out.match(/received (\d+) case revisions?, (\d+) attachments?.*; sent (\d+) case revisions?, (\d+) attachments?(?:, (\d+) ended)?.*; (\d+) new conflicts?/);
  check(m, 'a summary line in: ' + out);
  return { received: +m[1], attachmentsReceived: +m[2], sent: +m[3], attachmentsSent: +m[4], ended: +(m[5] || 0), conflicts: +m[6] };
}
const sync = (base, db, store, opts = {}) => doorstep(['sync', url(base, opts.who), db, '--store', storeDir(store), ...(opts.args || [])], opts);
const byRef = (exp, ref) => exp.cases.find((c) => c.reference === ref);

// --- scenarios -------------------------------------------------------------------------------------
const server = await startServer();
const S = server.base;
console.log(`pouchdb-server on ${S} (in memory), work folder ${work}`);

await scenario('server-setup creates the database, its validate_doc_update and its _security', async () => {
  const r = doorstep(['server-setup', url(S, ADMIN), 'cases']);
  check(/created/.test(r.out), 'it says the database was created: ' + r.out);
  const again = doorstep(['server-setup', url(S, ADMIN), 'cases']);
  check(/already exists/.test(again.out), 'running it twice is harmless');
  const sec = await request(S, 'GET', '/cases/_security');
  check(JSON.stringify(sec.json.members.roles) === '["doorstep"]', 'members are the doorstep role: ' + sec.text);
  const bad = await request(S, 'PUT', '/cases/not-ours', { hello: 'world' }, OFFICER);
  check(bad.status === 403 && /not a doorstep\/1 record/.test(bad.text), 'a document that is not a doorstep/1 record is refused: ' + bad.text);
  for (const db of ['photos', 'interrupt', 'big', 'interop', 'refuse']) doorstep(['server-setup', url(S, ADMIN), db]);
});

await scenario('two stores edit different cases, sync, and both see both', async () => {
  doorstep(['store-load', demo(6), '--store', storeDir('a')]);
  let a = summary(sync(S, 'cases', 'a').out);
  check(a.sent === 6 && a.received === 0, 'A sends its 6 cases: ' + JSON.stringify(a));
  let b = summary(sync(S, 'cases', 'b').out);
  check(b.received === 6 && b.sent === 0, 'B receives the 6 cases and sends nothing back: ' + JSON.stringify(b));
  const refs = exportStore('a').cases.map((c) => c.reference);
  doorstep(['store-note', refs[0], 'Called the resident from tablet A', '--store', storeDir('a')]);
  doorstep(['store-note', refs[1], 'Letter scanned in the office B', '--store', storeDir('b')]);
  a = summary(sync(S, 'cases', 'a').out);
  b = summary(sync(S, 'cases', 'b').out);
  const a2 = summary(sync(S, 'cases', 'a').out);
  check(a.sent === 1 && b.sent === 1 && b.received === 1 && a2.received === 1 && a2.sent === 0, 'one revision each way: ' + JSON.stringify([a, b, a2]));
  for (const s of ['a', 'b']) {
    const e = exportStore(s);
    const texts = (ref) => (byRef(e, ref).log || []).map((l) => l.text).join('|');
    check(texts(refs[0]).includes('tablet A') && texts(refs[1]).includes('office B'), `store ${s} has both notes`);
  }
  const quiet = summary(sync(S, 'cases', 'b').out);
  check(quiet.sent === 0 && quiet.received === 0, 'a sync with nothing new moves nothing');
});

await scenario('the same case edited on both: conflict on both, resolved on one, converged on both', async () => {
  const ref = exportStore('a').cases[2].reference;
  doorstep(['store-note', ref, 'Tablet A: repair booked', '--store', storeDir('a')]);
  doorstep(['store-note', ref, 'Office B: resident rang', '--store', storeDir('b')]);
  sync(S, 'cases', 'a');
  const b = summary(sync(S, 'cases', 'b').out);
  check(b.conflicts === 1, 'B sees a conflict');
  const a = summary(sync(S, 'cases', 'a').out);
  check(a.conflicts === 1, 'A sees the conflict too');
  for (const s of ['a', 'b']) check((byRef(exportStore(s), ref).conflicts || []).length === 1, `store ${s} keeps both versions`);
  const server1 = await request(S, 'GET', '/cases/' + encodeURIComponent('case:' + byRef(exportStore('a'), ref).id) + '?conflicts=true');
  check((server1.json._conflicts || []).length === 1, 'the server holds both leaves too');
  doorstep(['store-resolve', ref, '--keep', '0', '--store', storeDir('a')]);
  const a2 = summary(sync(S, 'cases', 'a').out);
  check(a2.sent === 1 && a2.ended === 1, 'the resolution goes up with the losing leaf ended: ' + JSON.stringify(a2));
  sync(S, 'cases', 'b');
  const ca = byRef(exportStore('a'), ref), cb = byRef(exportStore('b'), ref);
  check(!ca.conflicts && !cb.conflicts, 'no conflict left on either');
  check(ca.rev === cb.rev, 'both hold the same revision: ' + ca.rev + ' ' + cb.rev);
  const server2 = await request(S, 'GET', '/cases/' + encodeURIComponent('case:' + ca.id) + '?conflicts=true');
  check(!server2.json._conflicts && server2.json._rev === ca.rev, 'the server has one live leaf, the resolution: ' + server2.text);
  const leaves = await request(S, 'GET', '/cases/' + encodeURIComponent('case:' + ca.id) + '?open_revs=all');
  check(leaves.json.filter((l) => l.ok && l.ok._deleted).length === 1, 'and the losing leaf ended (deleted): ' + leaves.text.slice(0, 300));
});

await scenario('the learning log reaches the other store, and items added on both sides are joined', async () => {
  const base = JSON.parse(fs.readFileSync(demo(6), 'utf8'));
  const withItem = (name, id, lesson) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, JSON.stringify({ ...base, cases: [], learning: [{ id, theme: 'Repairs', lesson }],
      assessments: [], quality_checks: [], non_compliance: [] }, null, 2));
    return file;
  };
  doorstep(['store-load', withItem('learn-a.json', '11111111-1111-4111-8111-111111111111', 'Book the damp survey at the first visit'), '--store', storeDir('a')]);
  doorstep(['store-load', withItem('learn-b.json', '22222222-2222-4222-8222-222222222222', 'Call back within two working days'), '--store', storeDir('b')]);
  const a = sync(S, 'cases', 'a').out;
  check(/learning\/assurance documents: 0 received, 1 sent/.test(a), 'A sends its learning log: ' + a);
  const b = sync(S, 'cases', 'b').out;
  check(/learning\/assurance documents: 1 received, 1 sent/.test(b), 'B joins it with its own and sends the result: ' + b);
  sync(S, 'cases', 'a');
  const lessons = (s) => exportStore(s).learning.map((l) => l.lesson).sort();
  for (const s of ['a', 'b'])
    check(lessons(s).includes('Book the damp survey at the first visit') && lessons(s).includes('Call back within two working days'),
      `store ${s} has both new lessons: ` + JSON.stringify(lessons(s)));
  check(JSON.stringify(lessons('a')) === JSON.stringify(lessons('b')), 'and the same log (the sample lessons too)');
  const quiet = sync(S, 'cases', 'b').out;
  check(!/learning\/assurance/.test(quiet), 'nothing more to send once both agree: ' + quiet);
});

await scenario('two devices\' older cases with one reference are both kept, one renumbered the same way on both', async () => {
  doorstep(['server-setup', url(S, ADMIN), 'refs']);
  doorstep(['store-load', demo(3), '--store', storeDir('r1')]);
  doorstep(['store-load', demo(3, ['--seed', '2']), '--store', storeDir('r2')]);  // other cases, the same DS-2026-00000N
  sync(S, 'refs', 'r1');
  const two = sync(S, 'refs', 'r2').out;
  check(/used by two different cases/.test(two), 'the clash is named: ' + two);
  sync(S, 'refs', 'r1');
  const e1 = exportStore('r1'), e2 = exportStore('r2');
  check(e1.cases.length === 6 && e2.cases.length === 6, 'both keep all six cases');
  const refs = new Set(e1.cases.map((c) => c.reference));
  check(refs.size === 6, 'with six different references: ' + [...refs].join(', '));
  for (const c of e1.cases) {
    const other = e2.cases.find((x) => x.id === c.id);
    check(other && other.rev === c.rev && other.reference === c.reference, 'the same on both: ' + c.reference);
  }
  check(e1.cases.filter((c) => (c.reference_aliases || []).length === 1).length === 3, 'three keep their old reference as an alias');
  const quiet = summary(sync(S, 'refs', 'r2').out);
  check(quiet.sent === 0 && quiet.received === 0, 'and nothing more moves');
});

await scenario('a photo reaches the other store byte-identical, and is sent once', async () => {
  doorstep(['store-load', demo(30, ['--photos']), '--store', storeDir('p1')]);  // 30 demo cases hold a photo and its thumbnail
  const first = summary(sync(S, 'photos', 'p1').out);
  check(first.attachmentsSent > 0, 'photos are sent: ' + JSON.stringify(first));
  const again = summary(sync(S, 'photos', 'p1').out);
  check(again.attachmentsSent === 0, 'and not again');
  const got = summary(sync(S, 'photos', 'p2').out);
  check(got.attachmentsReceived === first.attachmentsSent, 'the other store receives each photo once');
  const shas = fs.readdirSync(path.join(storeDir('p1'), 'attachments')).filter((f) => /^[0-9a-f]{64}$/.test(f));
  check(shas.length === first.attachmentsSent, 'every held attachment was sent');
  for (const sha of shas) {
    const a = fs.readFileSync(path.join(storeDir('p1'), 'attachments', sha));
    const b = fs.readFileSync(path.join(storeDir('p2'), 'attachments', sha));
    check(Buffer.compare(a, b) === 0, 'photo ' + sha + ' is byte-identical');
  }
});

await scenario('killed mid-push and mid-pull, then synced again: nothing lost, nothing sent twice, checkpoint honoured', async () => {
  const proxy = await startProxy(S);
  try {
    doorstep(['store-load', demo(60), '--store', storeDir('k1')]);
    // Push: the third _bulk_docs reaches the server, then the process is killed before it hears back.
    let child = null, bulk = 0;
    proxy.hook = (req) => (req.url.includes('/_bulk_docs') && ++bulk === 3 ? { after: () => child.kill('SIGKILL') } : null);
    child = spawn(cli, ['sync', url(proxy.base), 'interrupt', '--store', storeDir('k1'), '--batch', '10'], { env: { ...process.env, DOORSTEP_NOW: NOW } });
    const code = await new Promise((r) => child.on('exit', (c, sig) => r(sig)));
    check(code === 'SIGKILL', 'the push was killed mid-sync');
    const onServer = (await request(S, 'GET', '/interrupt/_all_docs')).json.rows.filter((r) => r.id.startsWith('case:')).length;
    check(onServer === 30, '3 batches reached the server before the kill: ' + onServer);
    proxy.hook = null;
    const resumed = summary((await doorstepAsync(['sync', url(proxy.base), 'interrupt', '--store', storeDir('k1'), '--batch', '10'])).out);
    check(resumed.sent === 30, 'the next sync sends only the 30 the server lacks: ' + JSON.stringify(resumed));
    // Pull: killed after the device kept its third batch but before the server's checkpoint.
    let puts = 0;
    proxy.hook = (req) => (req.method === 'PUT' && req.url.includes('/_local/') && ++puts === 3 ? { after: () => child.kill('SIGKILL') } : null);
    child = spawn(cli, ['sync', url(proxy.base), 'interrupt', '--store', storeDir('k2'), '--batch', '10'], { env: { ...process.env, DOORSTEP_NOW: NOW } });
    check((await new Promise((r) => child.on('exit', (c, sig) => r(sig)))) === 'SIGKILL', 'the pull was killed mid-sync');
    const kept = fs.readdirSync(path.join(storeDir('k2'), 'cases')).filter((f) => f.endsWith('.json')).length;
    // 3 batches of 10 changes (the first also holds the design document).
    check(kept >= 27 && kept <= 30, 'the device kept the 3 batches it finished: ' + kept);
    proxy.hook = null;
    proxy.requests.length = 0;
    const pulled = summary((await doorstepAsync(['sync', url(proxy.base), 'interrupt', '--store', storeDir('k2'), '--batch', '10'])).out);
    check(pulled.received === 60 - kept, `the next sync fetches only the other ${60 - kept}: ` + JSON.stringify(pulled));
    check(proxy.requests.some((r) => /_changes.*since=(?!0&|0$)/.test(r)), 'it resumed from its checkpoint, not from 0: ' + proxy.requests.join(', '));
    check(exportStore('k2').cases.length === 60, 'all 60 cases are on the device');
  } finally {
    proxy.stop();
  }
});

await scenario('server down, wrong password (401), no permission (403), server error (5xx)', async () => {
  const closed = await freePort();
  let r = doorstep(['sync', `http://127.0.0.1:${closed}`, 'cases', '--store', storeDir('a')], { ok: false });
  check(r.code === 1 && /could not be reached/.test(r.err), 'server down is said plainly: ' + r.err);
  r = doorstep(['sync', url(S, { user: 'officer', password: 'wrong' }), 'cases', '--store', storeDir('a')], { ok: false });
  check(r.code === 1 && /did not accept the sign-in/.test(r.err) && !/retried later/.test(r.err), '401 is said plainly: ' + r.err);
  check(!r.err.includes('wrong') && !r.out.includes('wrong'), 'the password is never printed');
  // A signed-in user who is not a member: pouchdb-server answers 401 (pouchdb-security), CouchDB 3
  // answers 403 "You are not allowed to access this db." — the proxy gives CouchDB's answer.
  r = doorstep(['sync', url(S, VISITOR), 'cases', '--store', storeDir('a')], { ok: false });
  check(r.code === 1 && /not authorized to access this db/.test(r.err), 'a non-member is refused: ' + r.err);
  const proxy = await startProxy(S);
  try {
    proxy.hook = () => ({ status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } });
    r = await doorstepAsync(['sync', url(proxy.base, VISITOR), 'cases', '--store', storeDir('a')], { ok: false });
    check(r.code === 1 && /no permission/.test(r.err) && !/retried later/.test(r.err), '403 is said plainly: ' + r.err);
    check(proxy.requests.length === 1, 'and not retried: ' + proxy.requests.join(', '));
    proxy.hook = (req) => (req.url.includes('_changes') ? { status: 500, body: { error: 'internal_server_error', reason: 'disk failure' } } : null);
    r = await doorstepAsync(['sync', url(proxy.base), 'cases', '--store', storeDir('a')], { ok: false });
    check(r.code === 1 && /server had a problem/.test(r.err) && /retried later/.test(r.err), '5xx: try again later: ' + r.err);
  } finally {
    proxy.stop();
  }
  const after = summary(sync(S, 'cases', 'a').out);
  check(after.sent === 0 && after.received === 0, 'nothing was lost or half-done by the failures');
});

await scenario('a document the server refuses is reported by its case, the rest still syncs', async () => {
  const exp = JSON.parse(fs.readFileSync(demo(5), 'utf8'));
  const refused = exp.cases[1];
  // The landlord's own rule on top of Doorstep's: no case for this resident may go to this database.
  const rule = `function (newDoc) { if (newDoc['case'] && newDoc['case'].id === '${refused.id}') throw({forbidden: 'held back by the landlord'}); }`;
  let r = await request(S, 'PUT', '/refuse/_design/landlord', { validate_doc_update: rule });
  check(r.status === 201, 'rule installed: ' + r.text);
  r = doorstep(['push', demo(5), url(S), 'refuse'], { ok: false });
  check(r.code === 1, 'push exits non-zero');
  check(r.err.includes(`case ${refused.reference}: the server refused it (forbidden: held back by the landlord)`), 'names the case and the reason: ' + r.err);
  check(summary(r.out).sent === 4, 'the other 4 were sent');
});

let pullMs = 0, syncMs = 0;
await scenario('a 500-case first pull', async () => {
  doorstep(['push', demo(500), url(S), 'big']);
  let began = Date.now();
  const out = path.join(work, 'pulled-500.json');
  const r = doorstep(['pull', url(S), 'big', '-o', out]);
  pullMs = Date.now() - began;
  check(summary(r.out).received === 500, 'pull receives 500');
  const pulled = JSON.parse(fs.readFileSync(out, 'utf8'));
  check(pulled.cases.length === 500, 'the export holds 500 cases');
  doorstep(['validate', out]);
  began = Date.now();
  const s = summary(sync(S, 'big', 'big').out);
  syncMs = Date.now() - began;
  check(s.received === 500 && s.sent === 0, 'a store\'s first sync takes 500 and sends none back: ' + JSON.stringify(s));
  console.log(`     500-case first pull: pull -o ${pullMs} ms, sync --store ${syncMs} ms`);
});

await scenario('interoperability: PouchDB replicates Doorstep\'s documents and revision trees, and its change comes back as a normal revision', async () => {
  const PouchDB = require('pouchdb');
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  doorstep(['store-load', demo(3), '--store', storeDir('i1')]);
  const ref = exportStore('i1').cases[0].reference;
  doorstep(['store-note', ref, 'First note on the tablet', '--store', storeDir('i1')]);
  sync(S, 'interop', 'i1');
  const mine = byRef(exportStore('i1'), ref);
  const remote = new PouchDB(S + '/interop', { auth: { username: OFFICER.user, password: OFFICER.password } });
  const local = new PouchDB('interop-' + Date.now(), { adapter: 'memory' });
  const rep = await local.replicate.from(remote);
  check(rep.ok && rep.docs_written >= 3, 'PouchDB replicates the documents: ' + JSON.stringify(rep.docs_written));
  const doc = await local.get('case:' + mine.id, { revs: true });
  check(doc._rev === mine.rev, 'the same revision');
  check(JSON.stringify(doc._revisions.ids) === JSON.stringify(mine.rev_ids), 'the same revision tree (history)');
  check(doc.schema === 'doorstep/1' && doc.case.reference === ref, 'Doorstep\'s document as documented');
  doc.case.own_words = (doc.case.own_words || '') + ' (added by the office system)';
  delete doc._revisions;
  const put = await local.put(doc);
  await local.replicate.to(remote);
  const back = summary(sync(S, 'interop', 'i1').out);
  check(back.received === 1 && back.conflicts === 0, 'the change comes back: ' + JSON.stringify(back));
  const now = byRef(exportStore('i1'), ref);
  check(now.rev === put.rev && now.own_words.endsWith('(added by the office system)') && !now.conflicts, 'as a normal revision of the case');
  check(now.rev_ids[1] === mine.rev_ids[0], 'descending from the tablet\'s revision');
  doorstep(['store-note', ref, 'Second note after the office change', '--store', storeDir('i1')]);
  sync(S, 'interop', 'i1');
  await local.replicate.from(remote);
  const again = await local.get('case:' + mine.id, { conflicts: true });
  check(!again._conflicts && again.case.log.some((l) => l.text === 'Second note after the office change'), 'and Doorstep\'s next save reaches PouchDB without a conflict');
});

server.stop();
console.log(`\n${results.length - failures} of ${results.length} sync scenarios passed` + (pullMs ? `; 500-case first pull ${pullMs} ms (pull), ${syncMs} ms (sync --store)` : ''));
if (!failures) fs.rmSync(work, { recursive: true, force: true });
process.exit(failures ? 1 : 0);
