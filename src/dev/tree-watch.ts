import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What a path is right now. */
function kindOf(file: string): 'dir' | 'file' | 'gone' {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return !s ? 'gone' : s.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'gone';
  }
}

export interface TreeWatchOptions {
  /** Paths never watched nor reported (a folder's whole subtree with it). */
  ignored: (file: string) => boolean;
  /** A file (absolute path) was created, written, replaced or removed; it may be reported more than once per change. */
  onPath: (file: string) => void;
  onError: (err: Error) => void;
}

/**
 * Watches folder trees with one fs.watch per folder. The operating system names the file each
 * event is about, so a change costs the same in a folder of 10 files and of 10,000: chokidar
 * instead lists and stat-s the whole folder on every event to find out what changed (hundreds of
 * ms at 10,000 articles, in the middle of dev's 300 ms budget). Folders created later are watched
 * and their files reported; a folder removed reports every file it held. Events are not checked
 * for completeness here: that is the Settler's job.
 */
export class TreeWatcher {
  /** Watched folders with the names last seen in each. */
  private readonly folders = new Map<string, { watcher: FSWatcher; names: Set<string> }>();

  constructor(private readonly options: TreeWatchOptions) {}

  /** Starts watching `root` and everything below it; nothing already there is reported. */
  add(root: string): void {
    this.addFolder(path.resolve(root), false);
  }

  close(): void {
    for (const { watcher } of this.folders.values()) watcher.close();
    this.folders.clear();
  }

  private addFolder(dir: string, report: boolean): void {
    if (this.folders.has(dir) || this.options.ignored(dir)) return;
    let entries: Dirent[];
    let watcher: FSWatcher;
    try {
      // Watch first, then list: a file created in between is seen by one or the other.
      watcher = watch(dir, (_event, name) => this.onEvent(dir, name));
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (kindOf(dir) !== 'gone') this.options.onError(err as Error); // gone already: nothing to watch
      return;
    }
    watcher.on('error', (err) => {
      this.removeFolder(dir);
      if (kindOf(dir) !== 'gone') this.options.onError(err);
    });
    const names = new Set<string>();
    this.folders.set(dir, { watcher, names });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (this.options.ignored(full)) continue;
      names.add(entry.name);
      if (entry.isDirectory()) this.addFolder(full, report);
      else if (report) this.options.onPath(full);
    }
  }

  private onEvent(dir: string, name: string | Buffer | null): void {
    const folder = this.folders.get(dir);
    if (!folder) return; // closed meanwhile
    if (name === null) {
      // Some platforms do not always name the file: look at everything the folder held or holds.
      let now: string[] = [];
      try { now = readdirSync(dir); } catch { /* gone: every name it held is looked at */ }
      for (const n of new Set([...folder.names, ...now])) this.onEntry(dir, folder.names, n);
      return;
    }
    this.onEntry(dir, folder.names, name.toString());
  }

  private onEntry(dir: string, names: Set<string>, name: string): void {
    const full = path.join(dir, name);
    if (this.options.ignored(full)) return;
    const kind = kindOf(full);
    const wasFolder = this.folders.has(full);
    if (wasFolder && kind !== 'dir') this.removeFolder(full); // reports the files it held
    if (kind === 'gone') {
      names.delete(name);
      if (!wasFolder) this.options.onPath(full);
      return;
    }
    names.add(name);
    if (kind === 'dir') this.addFolder(full, true);
    else this.options.onPath(full);
  }

  /** Stops watching `dir` and every folder below it, reporting every file they held (now gone). */
  private removeFolder(dir: string): void {
    for (const [folder, { watcher, names }] of [...this.folders]) {
      if (folder !== dir && !folder.startsWith(dir + path.sep)) continue;
      watcher.close();
      this.folders.delete(folder);
      for (const name of names) {
        const full = path.join(folder, name);
        if (!this.folders.has(full)) this.options.onPath(full);
      }
    }
  }
}
