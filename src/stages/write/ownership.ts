import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * The output folder (or a folder beside it that builds clear) holds something parkpress did not
 * make: writing would delete it. `replaceable`: the user may consent to replacing `out` itself.
 */
export class ForeignOutputError extends Error {
  constructor(
    message: string,
    readonly replaceable: boolean,
  ) {
    super(message);
    this.name = 'ForeignOutputError';
  }
}

/**
 * Names parkpress gives inside `<out>.builds/`: build folders (`<time>-<pid>-<n>`, before that
 * `<time>-<pid>`), their manifests, a plain output folder moved in, the link about to be switched in.
 */
const BUILD_ENTRY = /^(?:[0-9a-z]+-\d+(?:-\d+)?(?:\.manifest)?|adopted-\d+|\.link-\d+)$/;

/**
 * Throws ForeignOutputError unless a build may replace `out`: every build moves the old output
 * away and deletes it, so only an output parkpress made is fair game. Its own is a link into
 * `<out>.builds/` (the layout every version wrote); a missing path or an empty folder holds
 * nothing to lose. `replace` is the user's explicit consent to replace any other folder or link.
 * The folders beside it that builds clear (`<out>.builds/`, `<out>.lock/`) must be parkpress's
 * either way: the user named `out`, not them.
 */
export function assertOwnOutput(out: string, replace = false): void {
  const file = notAFolder(out);
  if (file) throw new ForeignOutputError(file, false);
  const foreign = replace ? undefined : foreignOutput(out);
  if (foreign) throw new ForeignOutputError(foreign, true);
  const beside = foreignBuilds(`${out}.builds`) ?? foreignLock(`${out}.lock`);
  if (beside) throw new ForeignOutputError(beside, false);
}

/** Why `out` is not parkpress's to replace, or undefined when it is. */
function foreignOutput(out: string): string | undefined {
  const info = lstatSync(out, { throwIfNoEntry: false });
  if (!info) return undefined;
  if (info.isSymbolicLink()) {
    const target = path.resolve(path.dirname(out), readlinkSync(out));
    if (path.dirname(target) === `${out}.builds`) return undefined;
    return `${out} is a link to ${target}, not to a build parkpress made in ${out}.builds/; a build would replace the link`;
  }
  const names = list(out);
  if (names === undefined || names.length === 0) return undefined;
  return `${out} is a folder parkpress did not make (it holds ${count(names)}); a build replaces its output folder, deleting what was in it`;
}

/** A file (or other non-folder) at `out` is never replaced, consent or not. */
function notAFolder(out: string): string | undefined {
  const info = lstatSync(out, { throwIfNoEntry: false });
  if (!info || info.isDirectory() || info.isSymbolicLink()) return undefined;
  return `${out} is a file, not a folder; move it away or choose another output folder`;
}

/** Every build deletes what else is in `<out>.builds/`: it must hold only parkpress's own entries. */
function foreignBuilds(builds: string): string | undefined {
  const info = lstatSync(builds, { throwIfNoEntry: false });
  if (!info) return undefined;
  if (!info.isDirectory())
    return `${builds} is not a folder; builds keep their sites there, so move it away or choose another output folder`;
  const strangers = (list(builds) ?? []).filter((n) => !BUILD_ENTRY.test(n));
  if (strangers.length === 0) return undefined;
  return `${builds} holds ${count(strangers)} that parkpress did not make; builds keep their sites there and clear everything else, so move it away or choose another output folder`;
}

/** A stale lock is deleted; a `<out>.lock` that is not one of parkpress's locks (a folder holding owner.json) must not be. */
function foreignLock(lock: string): string | undefined {
  const info = lstatSync(lock, { throwIfNoEntry: false });
  if (!info) return undefined;
  // A lock being taken or dropped by another build right now is parkpress's.
  if (info.isDirectory() && (list(lock) ?? []).every((n) => n === 'owner.json')) return undefined;
  return `${lock} is not a parkpress build lock; builds take and delete that name, so move it away or choose another output folder`;
}

/** The names in folder `dir`, sorted; undefined when it is gone (another build just removed it). */
function list(dir: string): string[] | undefined {
  try {
    return readdirSync(dir).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** `3 entries ("a", "b", …)`: enough for the user to recognise the folder. */
function count(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => JSON.stringify(n));
  const more = names.length > 3 ? ', …' : '';
  return `${names.length} ${names.length === 1 ? 'entry' : 'entries'} (${shown.join(', ')}${more})`;
}
