import { chown, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Whom a child runs as: no ids means this process's own user. */
export interface ChildUser {
  uid?: number;
  gid?: number;
}

/**
 * A user for whom file permissions hold: this one, or `nobody` when this
 * process is root (root ignores them); undefined when root has no `nobody`.
 */
export async function unprivilegedUser(): Promise<ChildUser | undefined> {
  if (process.getuid?.() !== 0) return {};
  const passwd = await readFile('/etc/passwd', 'utf8');
  const fields = passwd
    .split('\n')
    .find((line) => line.startsWith('nobody:'))
    ?.split(':');
  if (fields === undefined) return undefined;
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** Gives `dir` and everything in it to `user`, so that it may write there. */
export async function handOver(user: ChildUser, dir: string): Promise<void> {
  const { uid, gid } = user;
  if (uid === undefined || gid === undefined) return;
  const inside = await readdir(dir, { recursive: true });
  for (const name of ['', ...inside]) {
    await chown(path.join(dir, name), uid, gid);
  }
}
