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
}

export function EditableValue({ id, value, editing, edit, label }: Props) {
  const pending = editing.pending.get(id)?.value;
  const shown = pending ?? value;
  const [typed, setTyped] = useState(shown);
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
          closed.current = false;
          editing.onOpen(id);
        }}
      >
        {shown}
      </button>
    );
  const keep = () => {
    if (closed.current) return;
    closed.current = true;
    const text = typed.trim();
    editing.onChange(id, text === value ? null : edit(text));
    editing.onOpen(null);
  };
  return (
    <input
      className="edit-input"
      aria-label={label}
      // biome-ignore lint/a11y/noAutofocus: the field opens because the user clicked this value.
      autoFocus
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onBlur={keep}
      onKeyDown={(e) => {
        if (e.key === 'Enter') keep();
        if (e.key === 'Escape') {
          closed.current = true;
          editing.onOpen(null);
        }
      }}
    />
  );
}
