/**
 * Structured logging with pino: JSON lines, pretty-printed when stdout is a
 * terminal. Levels take Redis's names (debug verbose notice warning nothing)
 * and map onto pino's.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const LEVELS: Record<string, string> = {
  debug: 'debug',
  verbose: 'debug',
  notice: 'info',
  warning: 'warn',
  nothing: 'silent',
};

/** pino level for a Redis loglevel name. */
export function pinoLevel(redisLevel: string): string {
  return LEVELS[redisLevel] ?? 'info';
}

export interface LogOptions {
  /** Redis's loglevel. */
  level: string;
  /** Redis's logfile: "" means stdout. */
  file: string;
}

/** Creates the server's logger. */
export function createLogger(options: LogOptions): Logger {
  const level = pinoLevel(options.level);
  if (options.file !== '') {
    return pino({ level, base: { pid: process.pid } }, pino.destination({ dest: options.file, sync: false, mkdir: true }));
  }
  if (process.stdout.isTTY) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:standard' } } });
  }
  return pino({ level, base: { pid: process.pid } });
}

/** A logger that drops everything (library use and tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
