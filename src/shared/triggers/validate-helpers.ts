// The error every workspace validator throws: a ValidationError whose path is the JSON path of
// the problem, with line:column when the value was parsed from text.
import { ValidationError } from '../api-error';
import type { SchemaProblem } from '../schema/issues';
import { formatProblem } from '../schema/validate';

export class WorkspaceValidationError extends ValidationError {
  /** 1-based position in the source text, when the value was parsed from one */
  line?: number;
  column?: number;
  constructor(path: string, problem: string) {
    super(path, problem);
    this.name = 'WorkspaceValidationError';
  }

  static from(p: SchemaProblem): WorkspaceValidationError {
    const error = new WorkspaceValidationError(p.pathText, p.problem);
    if (p.line !== undefined) {
      error.line = p.line;
      error.column = p.column;
      error.message = formatProblem(p);
    }
    return error;
  }
}
