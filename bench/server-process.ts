import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A bench's app server in its own process (so the load generator does not share its event loop):
 * it answers with its world over IPC once it listens; exit code 3 = this database is not
 * available here (the bench skips it).
 */
export function startServerProcess<W>(file: string, args: string[]): Promise<{ child: ChildProcess; world: W } | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 3 ? resolve(null) : reject(new Error(`bench server exited (${code})`))));
    child.once('message', (m: W) => resolve({ child, world: m }));
  });
}

/** One request to the server process over IPC, and its answer. */
export const ask = <T>(child: ChildProcess, msg: object): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg);
  });
