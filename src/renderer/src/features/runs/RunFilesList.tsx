// Input and output files of an execution, with absolute paths to copy (the desktop shell can add
// "reveal in folder" on top of these paths).
import { useEffect, useState } from 'react';
import type { RunFiles } from '../../../../shared/runs';
import { api } from '../../api';
import { describeError } from '../../api/envelope';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../captures/lib/format';

export function RunFilesList({ executionId, refreshKey }: { executionId: string; refreshKey: string }) {
  const [files, setFiles] = useState<RunFiles | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['runs.files']({ id: executionId }).then((f) => { setFiles(f); setError(null); }, (e) => setError(describeError(e)));
  }, [executionId, refreshKey]);
  if (error) return <p className="field-error" role="alert">{error}</p>;
  if (!files) return <p className="muted small">Loading files…</p>;
  return (
    <div className="runs-files" data-testid="run-files">
      <FileTable title="Inputs" rows={files.inputs.map((f) => ({ label: `${f.input}/${f.name}`, path: f.path, size: f.size }))} empty="No input files." />
      <FileTable title="Outputs" rows={files.outputs.map((f) => ({ label: f.name, path: f.path, size: f.size }))} empty="No outputs (yet)." />
      {files.workDir && <p className="muted small">Work folder: <code className="mono" data-testid="run-workdir">{files.workDir}</code> <CopyButton text={files.workDir} label="Copy path" /></p>}
    </div>
  );
}

function FileTable({ title, rows, empty }: { title: string; rows: { label: string; path: string; size: number }[]; empty: string }) {
  return (
    <div>
      <h5>{title}</h5>
      {rows.length === 0 ? <p className="muted small">{empty}</p> : (
        <table className="grid-table" data-testid={`run-files-${title.toLowerCase()}`}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path}>
                <td className="mono">{r.label}</td>
                <td className="muted small">{formatBytes(r.size)}</td>
                <td><CopyButton text={r.path} label="Copy path" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
