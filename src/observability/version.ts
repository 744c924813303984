/** Versions reported to clients and tools. */

/** Reported as redis_version: clients use it to pick features; nencache_version tells the truth. */
export const REDIS_COMPAT_VERSION = '7.0.15';
export const NENCACHE_VERSION = '0.1.0';
