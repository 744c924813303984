/**
 * Temp directories and in-process servers a test file makes, removed and
 * closed after each test (pass or fail), so one failure does not leave a
 * port open or hang the file.
 */
import { afterEach } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from '../../src/server/server.js';

export function scratch(prefix: string): { tmp: () => string; servers: Server[] } {
  const dirs: string[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const tmp = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  return { tmp, servers };
}
