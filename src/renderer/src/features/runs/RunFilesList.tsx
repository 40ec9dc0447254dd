// Input and output files of an execution, with absolute paths to copy and, in the desktop app,
// a button that shows the file in the OS file manager.
import { listRunFiles, revealFile } from '../../store/runActions';
import { useEffect, useState } from 'react';
import type { RunFiles } from '@shared/runs';
import { describeError } from '../../api/envelope';
import { CopyButton } from '../../components/CopyButton';
import { selectEngine } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { formatBytes } from '../../lib/format';

export function RunFilesList({ executionId, refreshKey }: { executionId: string; refreshKey: string }) {
  const [files, setFiles] = useState<RunFiles | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listRunFiles(executionId).then(
      (f) => {
        setFiles(f);
        setError(null);
      },
      (e) => setError(describeError(e)),
    );
  }, [executionId, refreshKey]);
  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!files) return <p className="muted small">Loading files…</p>;
  return (
    <div className="runs-files" data-testid="run-files">
      <FileTable title="Inputs" rows={files.inputs.map((f) => ({ label: `${f.input}/${f.name}`, path: f.path, size: f.size }))} empty="No input files." />
      <FileTable title="Outputs" rows={files.outputs.map((f) => ({ label: f.name, path: f.path, size: f.size }))} empty="No outputs (yet)." />
      {files.workDir && (
        <p className="muted small">
          Work folder:{' '}
          <code className="mono" data-testid="run-workdir">
            {files.workDir}
          </code>{' '}
          <CopyButton text={files.workDir} label="Copy path" /> <RevealButton path={files.workDir} />
        </p>
      )}
    </div>
  );
}

function FileTable({ title, rows, empty }: { title: string; rows: { label: string; path: string; size: number }[]; empty: string }) {
  return (
    <div>
      <h5>{title}</h5>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className="grid-table" data-testid={`run-files-${title.toLowerCase()}`}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path}>
                <td className="mono">{r.label}</td>
                <td className="muted small">{formatBytes(r.size)}</td>
                <td>
                  <CopyButton text={r.path} label="Copy path" /> <RevealButton path={r.path} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Desktop only: the browser build cannot open a file manager, so it offers the path alone. */
function RevealButton({ path }: { path: string }) {
  const desktop = useAppStore(selectEngine)?.mode === 'electron';
  const [problem, setProblem] = useState<string | null>(null);
  if (!desktop) return null;
  const reveal = () => {
    revealFile(path).then(
      (r) => setProblem(r.ok ? null : (r.reason ?? 'could not reveal')),
      (e) => setProblem(describeError(e)),
    );
  };
  return (
    <>
      <button type="button" className="button button-small" data-testid="reveal-file" onClick={reveal}>
        Show in folder
      </button>
      {problem && (
        <span className="field-error small" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
