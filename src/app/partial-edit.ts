// Applies the acceptable part of a multi-cell edit (a pasted block): each cell is validated on
// its own, the good ones go through session.edit as ONE undo step, the bad ones come back with
// their Chinese reason. No DOM.
import { InputError } from '../model/amount';
import type { CellEdit, WorkbookSession } from './session';

export interface RejectedEdit {
  edit: CellEdit;
  reason: string;
}

export interface PartialEditResult {
  applied: CellEdit[];
  rejected: RejectedEdit[];
}

/** Validates every edit, applies the valid ones in one step; never throws InputError. */
export function applyValidEdits(session: WorkbookSession, edits: CellEdit[], label = '粘贴'): PartialEditResult {
  // A read-only tab refuses the whole block with its reason (listed like any other refusal).
  const readOnly = session.readOnly;
  if (readOnly) return { applied: [], rejected: edits.map((edit) => ({ edit, reason: readOnly })) };
  const applied: CellEdit[] = [];
  const rejected: RejectedEdit[] = [];
  for (const edit of edits) {
    try {
      if (edit.printed) session.engine.parsePrinted(edit.sheet, edit.row, edit.col, edit.raw);
      else session.engine.parse(edit.sheet, edit.row, edit.col, edit.raw);
      applied.push(edit);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      rejected.push({ edit, reason: err.message });
    }
  }
  if (applied.length) session.edit(applied, label);
  return { applied, rejected };
}
