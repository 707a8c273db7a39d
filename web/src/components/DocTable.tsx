// One budget table laid out as printed: title, 单位, columns, rows with code and name, amounts on the right.
// Every cell has a stable id (see targets.ts) and data-table / data-row / data-column attributes; cells a
// finding points at carry the class hl-<severity>, the one whose finding was clicked also `active`. With
// `editing`, every amount can be corrected in place (pending corrections carry the class `edited`). An amount
// OCR read with doubt carries the class `ocr-doubt` and says its confidence on hover (see doubt.ts); with the
// document's original at hand, a 原件 button beside it shows the scan round the cell, the cell boxed, under
// the table (a button, so the keyboard reaches it: Tab, then Enter or Space; Esc closes the crop).
import { type ReactNode, useState } from 'react';
import { readAmountInput, tableDecimals } from '../../../src/model/amount-input.ts';
import type { BudgetTable, TableRow } from '../../../src/model/document.ts';
import type { Severity } from '../api.ts';
import { groupThousands } from '../decimal.ts';
import { doubtMark, originalLabel } from '../doubt.ts';
import { cellId, type Marks, tableId } from '../targets.ts';
import { EditableValue, type Editing } from './EditableValue.tsx';
import { OriginalCrop } from './OriginalPage.tsx';

/** How sure the recogniser is of a table: shown when it is not sure, with its reasons on hover. */
const confidenceNames = { high: '高', medium: '中', low: '低' } as const;

interface Props {
  table: BudgetTable;
  marks: Marks;
  active: string | null;
  editing?: Editing;
  /** The stored document whose original PDF holds the table's pages (for the crops of doubtful cells). */
  documentId?: number;
}

/** The doubtful cell whose crop of the original is shown, and what to say of it. */
interface Crop {
  cell: string;
  page: number;
  box: NonNullable<TableRow['source']['box']>;
  caption: string;
}

export function DocTable({ table, marks, active, editing, documentId }: Props) {
  const [crop, setCrop] = useState<Crop | null>(null);
  const twoSided = table.rows.some((r) => r.side);
  const coded = table.rows.some((r) => r.code);
  const tableMark = marks.elements.get(tableId(table.key));
  // Amounts in 元 run to nine digits and more: grouped by thousands to be read at a glance.
  const shown = (value: string) => (table.unit === '元' ? groupThousands(value) : value);
  const decimals = tableDecimals(table);
  const validate = (typed: string) => {
    const input = readAmountInput(typed, decimals, table.unit);
    return 'error' in input ? input.error : null;
  };

  const cell = (
    row: TableRow,
    index: number,
    column: number | 'name' | 'code',
    columnName: string,
    content: ReactNode,
    numeric: boolean,
  ) => {
    const id = column === 'code' ? undefined : cellId(table.key, index, column);
    const mark = id ? marks.elements.get(id) : undefined;
    const rowMark = marks.rows.get(`${table.key}-${index}`);
    const severity: Severity | undefined = mark?.severity ?? rowMark;
    const source = typeof column === 'number' ? row.amounts[column]?.source : undefined;
    const doubt = doubtMark(source);
    // The scan round the cell can be shown where the reader kept its page and box.
    const original =
      doubt && id && documentId !== undefined && source?.page !== undefined && source.box
        ? { page: source.page, box: source.box }
        : undefined;
    const cropId = id ? `crop-${id}` : undefined;
    const open = crop !== null && crop.cell === id;
    const classes = [
      doubt?.className,
      numeric ? 'num' : undefined,
      severity ? `hl hl-${severity}` : undefined,
      rowMark && !mark ? 'hl-row' : undefined,
      id && id === active ? 'active' : undefined,
      id && editing?.pending.has(id) ? 'edited' : undefined,
    ].filter(Boolean);
    return (
      <td
        key={String(column)}
        id={id}
        className={classes.join(' ') || undefined}
        data-table={table.key}
        data-row={row.code ?? row.name}
        data-column={columnName}
        data-severity={severity}
        data-confidence={doubt ? row.amounts[column as number]?.source.confidence : undefined}
        title={[doubt?.title, ...(mark?.messages ?? [])].join('\n') || undefined}
      >
        {content}
        {original && (
          <button
            type="button"
            className="doubt-original"
            aria-expanded={open}
            aria-controls={open ? cropId : undefined}
            aria-label={`${open ? '收起' : '查看'}${originalLabel(original.page)}中此单元格（${doubt!.title}）`}
            title={`${originalLabel(original.page)}：查看扫描原件中此单元格`}
            data-cell={id}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && open) {
                e.preventDefault();
                setCrop(null);
              }
            }}
            onClick={() =>
              setCrop(
                open
                  ? null
                  : {
                      cell: id!,
                      page: original.page,
                      box: original.box,
                      caption: `「${row.code ? `${row.code} ` : ''}${row.name}」${columnName}：识别为 ${shown(row.amounts[column as number]!.value)}，${doubt!.title}`,
                    },
              )
            }
          >
            原件
          </button>
        )}
      </td>
    );
  };

  const rowCells = (row: TableRow | undefined, index: number, columns: string[], withCode: boolean) => {
    if (!row) {
      const blanks = columns.length + (withCode ? 2 : 1);
      // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have nothing but their position.
      return Array.from({ length: blanks }, (_, i) => <td key={`blank-${i}`} className="blank" />);
    }
    return [
      withCode ? cell(row, index, 'code', '编码', row.code ?? '', false) : null,
      cell(row, index, 'name', '名称', row.name, false),
      ...columns.map((name, c) => {
        const value = row.amounts[c]?.value ?? '';
        const content = editing ? (
          <EditableValue
            id={cellId(table.key, index, c)}
            value={value}
            editing={editing}
            edit={(typed) => ({ table: table.key, row: index, column: c, value: typed })}
            label={`「${row.code ? `${row.code} ` : ''}${row.name}」${name}`}
            display={shown}
            validate={validate}
          />
        ) : (
          shown(value)
        );
        return cell(row, index, c, name, content, true);
      }),
    ];
  };

  let head: ReactNode;
  let body: ReactNode;
  if (twoSided) {
    const incomeColumns = table.incomeColumns ?? table.columns;
    // Income and expenditure rows printed on one line share a table row.
    const lines = new Map<number, { income?: number; expenditure?: number }>();
    table.rows.forEach((row, i) => {
      const line = lines.get(row.source.line) ?? {};
      if (row.side === 'income' && line.income === undefined) line.income = i;
      else if (row.side === 'expenditure' && line.expenditure === undefined) line.expenditure = i;
      else {
        lines.set(
          row.source.line + 0.5 + i / 1e6,
          row.side === 'income' ? { income: i } : { expenditure: i },
        );
        return;
      }
      lines.set(row.source.line, line);
    });
    const ordered = [...lines].sort((a, b) => a[0] - b[0]);
    head = (
      <tr>
        <th>收入项目</th>
        {incomeColumns.map((c) => (
          <th key={`i-${c}`}>{c}</th>
        ))}
        <th>支出项目</th>
        {table.columns.map((c) => (
          <th key={`e-${c}`}>{c}</th>
        ))}
      </tr>
    );
    body = ordered.map(([line, pair]) => (
      <tr key={line}>
        {rowCells(
          pair.income === undefined ? undefined : table.rows[pair.income],
          pair.income ?? -1,
          incomeColumns,
          false,
        )}
        {rowCells(
          pair.expenditure === undefined ? undefined : table.rows[pair.expenditure],
          pair.expenditure ?? -1,
          table.columns,
          false,
        )}
      </tr>
    ));
  } else {
    head = (
      <tr>
        {coded && <th>科目编码</th>}
        <th>{coded ? '科目名称' : '项目'}</th>
        {table.columns.map((c) => (
          <th key={c}>{c}</th>
        ))}
      </tr>
    );
    body = table.rows.map((row, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: rows never move; two rows may share a source line.
      <tr key={`${row.source.line}-${i}`} className={row.code ? `level-${row.code.length}` : undefined}>
        {rowCells(row, i, table.columns, coded)}
      </tr>
    ));
  }

  return (
    <figure
      className={`doc-table${tableMark ? ` hl hl-${tableMark.severity}` : ''}${active === tableId(table.key) ? ' active' : ''}`}
      id={tableId(table.key)}
      data-table={table.key}
    >
      <figcaption>
        <strong>{table.title}</strong>
        <span className="unit">单位：{table.unit}</span>
        {table.confidence && table.confidence.level !== 'high' && (
          <span
            className={`confidence conf-${table.confidence.level}`}
            title={table.confidence.reasons.join('；')}
            data-testid="table-confidence"
          >
            识别置信度{confidenceNames[table.confidence.level]}
          </span>
        )}
      </figcaption>
      {table.rows.length === 0 ? (
        <p className="muted">（空表）</p>
      ) : (
        <div className="scroll">
          <table className="grid budget">
            <thead>{head}</thead>
            <tbody>{body}</tbody>
          </table>
        </div>
      )}
      {crop && documentId !== undefined && (
        <OriginalCrop
          key={crop.cell}
          documentId={documentId}
          id={`crop-${crop.cell}`}
          page={crop.page}
          box={crop.box}
          caption={crop.caption}
          onClose={() => {
            const cell = crop.cell;
            setCrop(null);
            // Back to the button that opened it, so that the keyboard carries on from the cell.
            document.querySelector<HTMLElement>(`button.doubt-original[data-cell="${cell}"]`)?.focus();
          }}
        />
      )}
      {table.notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
    </figure>
  );
}
