// The request body editor: CodeMirror 6 (via @uiw/react-codemirror) with JSON highlighting,
// inline parse errors and Format / Minify when the body is JSON.
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { useResolvedTheme } from '../../hooks/useResolvedTheme';
import { jsonProblem } from './draft';

// colours from the app's theme variables (contrast-checked by the axe test), light and dark alike
const jsonColours = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.propertyName, color: 'var(--json-key)' },
    { tag: tags.string, color: 'var(--json-string)' },
    { tag: tags.number, color: 'var(--json-number)' },
    { tag: [tags.bool, tags.null], color: 'var(--json-boolean)' },
    { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--text-muted)' },
  ]),
);

const appTheme = (dark: boolean) =>
  EditorView.theme(
    {
      '&': { backgroundColor: 'var(--bg)', color: 'var(--text)' },
      '.cm-content': { caretColor: 'var(--text)' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
      '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
      '.cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--bg-open)' },
      '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
    },
    { dark },
  );

export function BodyEditor({ value, onChange, isJson }: { value: string; onChange(next: string): void; isJson: boolean }) {
  const theme = useResolvedTheme();
  const extensions = useMemo(
    () => [
      EditorView.lineWrapping,
      appTheme(theme === 'dark'),
      jsonColours,
      EditorView.contentAttributes.of({ 'aria-label': 'Request body', 'data-testid': 'composer-body-input' }),
      ...(isJson ? [json(), linter(jsonParseLinter(), { delay: 150 }), lintGutter()] : []),
    ],
    [isJson, theme],
  );
  const problem = isJson ? jsonProblem(value) : null;
  const reformat = (indent: number | undefined) => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, indent));
    } catch {
      // the problem is already shown; nothing to format
    }
  };
  return (
    <div className="body-editor" data-testid="composer-body" data-valid={problem ? 'false' : 'true'}>
      {isJson && (
        <div className="body-editor-tools">
          <button type="button" className="button button-small" disabled={!!problem || !value.trim()} onClick={() => reformat(2)} data-testid="body-format">
            Format
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!!problem || !value.trim()}
            onClick={() => reformat(undefined)}
            data-testid="body-minify"
          >
            Minify
          </button>
          <span className={`small ${problem ? 'danger-text' : 'muted'}`} data-testid="json-status" role={problem ? 'alert' : undefined}>
            {problem ? `Invalid JSON: ${problem}` : value.trim() ? 'Valid JSON' : 'Empty body'}
          </span>
        </div>
      )}
      <CodeMirror
        value={value}
        onChange={onChange}
        theme="none"
        extensions={extensions}
        minHeight="160px"
        maxHeight="420px"
        basicSetup={{ foldGutter: isJson, highlightActiveLine: false, autocompletion: false }}
      />
    </div>
  );
}
