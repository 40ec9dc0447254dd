// The workspace env variables as env.list gives them: secret values arrive as the placeholder,
// so this never holds a secret. Reloaded whenever the trigger list reloads (workspace changes).
import { listEnv } from '../../store/envActions';
import { useCallback, useEffect, useState } from 'react';
import type { EnvVariable } from '@shared/trigger';
import { describeError } from '../../api/envelope';
import { selectTriggerItems } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** dispatched on window after an inline edit of the env (\"Define it\"), so every list reloads */
export const ENV_CHANGED_EVENT = 'hookbench:env-changed';

export interface EnvList {
  env: EnvVariable[] | null;
  error: string | null;
  reload(): void;
}

export function useEnvList(): EnvList {
  const [env, setEnv] = useState<EnvVariable[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const triggers = useAppStore(selectTriggerItems);
  useEffect(() => {
    let live = true;
    listEnv().then(
      (list) => {
        if (live) {
          setEnv(list);
          setError(null);
        }
      },
      (e) => {
        if (live) setError(describeError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [tick, triggers]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    window.addEventListener(ENV_CHANGED_EVENT, reload);
    return () => window.removeEventListener(ENV_CHANGED_EVENT, reload);
  }, [reload]);
  return { env, error, reload };
}
