#!/usr/bin/env -S node --max-semi-space-size=1
// nencache-server [config-file] [--name value ...]: the server, invoked like redis-server.
import { runServer } from './serve.js';

void runServer(process.argv.slice(2));
