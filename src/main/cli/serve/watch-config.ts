// `serve --config FILE --watch`: re-reads the file when it is saved and applies it to the running
// engine; a broken file is reported (JSON path, line:column) and the last good config stays.
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Engine } from '../../engine/ports';
import { oneLine } from '../command';
import { parseConfigText } from './load-config';
import { errorMessage } from '@shared/error-message';

export interface ConfigWatcher {
  close(): void;
}

export function watchConfig(path: string, engine: Engine, log: (line: string) => void, warn: (line: string) => void): ConfigWatcher {
  let timer: NodeJS.Timeout | null = null;
  let lastText: string | null = null;
  let running: Promise<void> = Promise.resolve();

  const reload = async (): Promise<void> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return; // mid-save (renamed away): the next event brings the new file
    }
    if (text === lastText) return;
    lastText = text;
    try {
      const file = parseConfigText(text, path);
      const result = await engine.handlers['workspace.import']({ json: JSON.stringify(file), mode: 'replace' });
      log(`reloaded ${path}: ${result.triggers} trigger(s), ${result.env} env variable(s)`);
      for (const w of result.warnings) warn(`warning: ${w}`);
    } catch (error) {
      warn(`hookbench: ${oneLine(errorMessage(error))} (keeping the last good config)`);
    }
  };

  // editors often save by writing a new file and renaming it over the old one: watch the folder
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name && name !== basename(path)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(reload, reload);
    }, 150);
  });
  void readFile(path, 'utf8').then(
    (t) => {
      lastText = t;
    },
    () => undefined,
  );
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
