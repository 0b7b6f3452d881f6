// Peak memory of a whole process tree, sampled from /proc. GNU time's ru_maxrss is the peak of the
// largest single process, so a build that runs a helper process beside itself (an external
// indexer holding its data while node holds the pages) uses more than it shows; the sum is what
// the machine must have. Linux only; sampling can miss a spike shorter than the interval.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** Parent pid of each process, from /proc/<pid>/stat (the command name may hold spaces and parens). */
export function parentOf(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Pids of `root` and all its descendants, from one scan of /proc. */
export function descendants(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Current resident bytes of the tree under `root` (0 when /proc is not there). */
export function treeRss(root: number): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const parents = new Map<number, number>();
  for (const p of pids) {
    const ppid = parentOf(read(`/proc/${p}/stat`) ?? '');
    if (ppid !== undefined) parents.set(Number(p), ppid);
  }
  let bytes = 0;
  for (const pid of descendants(root, parents)) {
    const resident = Number((read(`/proc/${pid}/statm`) ?? '').split(' ')[1]);
    if (Number.isFinite(resident)) bytes += resident * PAGE;
  }
  return bytes;
}

/** Samples the tree's RSS every `intervalMs` until stopped; `stop()` returns the peak in bytes. */
export function sampleTreeRss(root: number, intervalMs = 100): { stop(): number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
