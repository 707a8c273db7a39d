// A value the user may correct in place: click it, type, Enter (or leave the field) keeps the new value as
// a pending edit, Esc gives up. Pending edits are saved together as a new version by the document page.
import { useRef, useState } from 'react';
import type { Edit } from '../api.ts';

export interface Editing {
  /** Element id → the pending edit of that value. */
  pending: Map<string, Edit>;
  /** The element being typed into. */
  open: string | null;
  onOpen: (id: string | null) => void;
  onChange: (id: string, edit: Edit | null) => void;
}

interface Props {
  id: string;
  /** The value as stored. */
  value: string;
  editing: Editing;
  /** The edit that sets this value. */
  edit: (value: string) => Edit;
  label: string;
  /** How the value is shown when not being typed into (e.g. grouped by thousands). */
  display?: (value: string) => string;
  /** A Chinese message when the typed text cannot be kept; the field stays open with it. */
  validate?: (typed: string) => string | null;
}

export function EditableValue({ id, value, editing, edit, label, display, validate }: Props) {
  const pending = editing.pending.get(id)?.value;
  const shown = pending ?? value;
  const [typed, setTyped] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  // Enter and Esc close the field; the blur that may follow must not act again.
  const closed = useRef(false);
  if (editing.open !== id)
    return (
      <button
        type="button"
        className="edit-value"
        title={`点击修改${label}`}
        onClick={() => {
          setTyped(shown);
          setProblem(null);
          closed.current = false;
          editing.onOpen(id);
        }}
      >
        {display ? display(shown) : shown}
      </button>
    );
  const keep = () => {
    if (closed.current) return;
    const text = typed.trim();
    const refused = text === value ? null : (validate?.(text) ?? null);
    // A value that would be refused is not kept: the field stays open and says why.
    if (refused) {
      setProblem(refused);
      return;
    }
    closed.current = true;
    editing.onChange(id, text === value ? null : edit(text));
    editing.onOpen(null);
  };
  return (
    <span className="edit-field">
      <input
        className="edit-input"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: the field opens because the user clicked this value.
        autoFocus
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setProblem(null);
        }}
        onBlur={keep}
        onKeyDown={(e) => {
          if (e.key === 'Enter') keep();
          if (e.key === 'Escape') {
            closed.current = true;
            editing.onOpen(null);
          }
        }}
      />
      {problem && (
        <span className="edit-problem" role="alert" data-testid="edit-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
