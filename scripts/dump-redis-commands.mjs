#!/usr/bin/env node
// Dumps COMMAND INFO and COMMAND DOCS of a running redis-server into
// test/fixtures/redis-7.0-commands.json (the oracle for command metadata).
//
// To regenerate it against a real Redis 7.0.x:
//   redis-server --port 6398 --save '' --appendonly no --daemonize yes
//   node scripts/dump-redis-commands.mjs --port 6398
//   redis-cli -p 6398 shutdown nosave
// Options: --host H (127.0.0.1), --port P (6379), --out FILE.
//
// Output: { redisVersion, commands: { "<name>": { arity, flags, firstKey,
// lastKey, step, acl, tips, keySpecs, subcommands: { "<parent|sub>": {...} },
// docs: { summary, since, group, complexity, ...as COMMAND DOCS } } } }, with
// commands sorted by name and pretty-printed with a 1-space indent. Speaks
// RESP3 over a plain socket (HELLO 3) so maps stay maps; no dependencies.
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const opts = { host: '127.0.0.1', port: 6379, out: join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'redis-7.0-commands.json') };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opts)) throw new Error(`unknown option ${process.argv[i]}`);
  opts[k] = k === 'port' ? Number(process.argv[i + 1]) : process.argv[i + 1];
}

/** Parses one RESP2/RESP3 value at buf[i]; returns [value, next] or null when incomplete. */
function parse(buf, i) {
  const nl = buf.indexOf('\r\n', i);
  if (nl < 0) return null;
  const t = String.fromCharCode(buf[i]);
  const line = buf.toString('utf8', i + 1, nl);
  const next = nl + 2;
  const many = (n, each) => {
    const out = [];
    let j = next;
    for (let k = 0; k < n; k++) {
      const r = parse(buf, j);
      if (r === null) return null;
      out.push(r[0]);
      j = r[1];
    }
    return [each(out), j];
  };
  switch (t) {
    case '+': return [line, next];
    case '-': case '!': return [new Error(line), next];
    case ':': return [Number(line), next];
    case ',': return [Number(line), next];
    case '#': return [line === 't', next];
    case '(': return [line, next];
    case '_': return [null, next];
    case '$': case '=': {
      const n = Number(line);
      if (n < 0) return [null, next];
      if (buf.length < next + n + 2) return null;
      const s = buf.toString('utf8', next, next + n);
      return [t === '=' ? s.slice(4) : s, next + n + 2];
    }
    case '*': case '~': case '>': {
      const n = Number(line);
      return n < 0 ? [null, next] : many(n, (a) => a);
    }
    case '%': case '|':
      return many(Number(line) * 2, (a) => {
        const o = {};
        for (let k = 0; k < a.length; k += 2) o[String(a[k])] = a[k + 1];
        return o;
      });
    default:
      throw new Error(`unexpected RESP type ${JSON.stringify(t)}`);
  }
}

function client(host, port) {
  const sock = net.connect(port, host);
  let buf = Buffer.alloc(0);
  const waiting = [];
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (buf.length === 0 || waiting.length === 0) break;
      const r = parse(buf, 0);
      if (r === null) break;
      buf = buf.subarray(r[1]);
      const w = waiting.shift();
      if (r[0] instanceof Error) w.reject(r[0]);
      else w.resolve(r[0]);
    }
  });
  const ready = new Promise((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  return {
    ready,
    call(...args) {
      let s = `*${args.length}\r\n`;
      for (const a of args) s += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
      sock.write(s);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    close: () => sock.end(),
  };
}

/** One COMMAND INFO array entry as the fixture's object (subcommands keyed by full name). */
function info(entry, docs) {
  const [, arity, flags, firstKey, lastKey, step, acl, tips, keySpecs, subs] = entry;
  const o = { arity, flags, firstKey, lastKey, step, acl, tips, keySpecs: keySpecs ?? [] };
  if (subs && subs.length > 0) {
    o.subcommands = {};
    const subDocs = docs?.subcommands ?? {};
    for (const s of [...subs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) o.subcommands[s[0]] = info(s, subDocs[s[0]]);
  }
  if (docs) {
    const { subcommands: _subDocs, ...rest } = docs;
    o.docs = rest;
  }
  return o;
}

const c = client(opts.host, opts.port);
await c.ready;
await c.call('HELLO', '3');
const version = (await c.call('INFO', 'server')).match(/redis_version:(\S+)/)[1];
const infos = await c.call('COMMAND', 'INFO');
const docs = await c.call('COMMAND', 'DOCS');
c.close();

const commands = {};
for (const entry of [...infos].sort((a, b) => (a[0] < b[0] ? -1 : 1))) commands[entry[0]] = info(entry, docs[entry[0]]);
writeFileSync(opts.out, JSON.stringify({ redisVersion: version, commands }, null, 1) + '\n');
console.log(`${Object.keys(commands).length} commands from Redis ${version} written to ${opts.out}`);
