/**
 * strerror() texts for the errors a file write or fsync can meet, so logs and
 * -MISCONF replies read as Redis's (glibc wording).
 */
const TEXT: Record<string, string> = {
  ENOSPC: 'No space left on device',
  EIO: 'Input/output error',
  EDQUOT: 'Disk quota exceeded',
  EBADF: 'Bad file descriptor',
  EROFS: 'Read-only file system',
  EFBIG: 'File too large',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EINTR: 'Interrupted system call',
  EAGAIN: 'Resource temporarily unavailable',
  EINVAL: 'Invalid argument',
};

/** The strerror() text of a Node fs error (its message when the code is unknown). */
export function strerror(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && TEXT[e.code] !== undefined) return TEXT[e.code]!;
  return e instanceof Error ? e.message : String(err);
}
