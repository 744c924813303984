// CLIENT <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import getname from './client/getname.js';
import getredir from './client/getredir.js';
import help from './client/help.js';
import id from './client/id.js';
import info from './client/info.js';
import kill from './client/kill.js';
import list from './client/list.js';
import noEvict from './client/no-evict.js';
import pause from './client/pause.js';
import reply from './client/reply.js';
import setname from './client/setname.js';
import trackinginfo from './client/trackinginfo.js';
import unblock from './client/unblock.js';
import unpause from './client/unpause.js';

export default defineCommand({
  name: 'client',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for client connection commands', since: '2.4.0', group: 'connection', complexity: 'Depends on subcommand.' },
  subcommands: [getname, id, help, info, kill, reply, list, noEvict, getredir, trackinginfo, setname, unblock, pause, unpause],
}) satisfies CommandSpec;
