'use client';

import type { KeyboardEvent, ReactNode } from 'react';

/**
 * Arrow keys between the cells of a schedule grid (a table whose cells carry
 * data-col, data-row and data-span): Up and Down move through a column,
 * Left and Right across a row, to the next cell holding a link or button;
 * Home and End go to the first and last of the row. Tab still moves through
 * every link in reading order: the arrows are a shortcut, not a trap.
 */
export function GridKeys({ children, className }: { children: ReactNode; className?: string }) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!cell || !event.currentTarget.contains(cell)) return;
    const cells = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-col]')].map((el) => ({
      el,
      col: Number(el.dataset.col),
      row: Number(el.dataset.row),
      span: Number(el.dataset.span ?? 1),
      target: el.querySelector<HTMLElement>('a[href], button:not([disabled])'),
    }));
    const here = {
      col: Number(cell.dataset.col),
      row: Number(cell.dataset.row),
      span: Number(cell.dataset.span ?? 1),
    };
    const covering = (col: number, row: number) =>
      cells.find((c) => c.col === col && c.row <= row && row < c.row + c.span && c.target);
    const cols = Math.max(...cells.map((c) => c.col));
    const rows = Math.max(...cells.map((c) => c.row + c.span));
    let next: (typeof cells)[number] | undefined;
    if (event.key === 'ArrowDown')
      for (let r = here.row + here.span; r < rows && !next; r++) next = covering(here.col, r);
    if (event.key === 'ArrowUp')
      for (let r = here.row - 1; r >= 0 && !next; r--) next = covering(here.col, r);
    if (event.key === 'ArrowRight')
      for (let c = here.col + 1; c <= cols && !next; c++) next = covering(c, here.row);
    if (event.key === 'ArrowLeft')
      for (let c = here.col - 1; c >= 0 && !next; c--) next = covering(c, here.row);
    if (event.key === 'Home') for (let c = 0; c <= cols && !next; c++) next = covering(c, here.row);
    if (event.key === 'End') for (let c = cols; c >= 0 && !next; c--) next = covering(c, here.row);
    if (next?.target) {
      event.preventDefault();
      next.target.focus();
    }
  }
  return (
    // The keys are handled for the links inside; the wrapper itself takes no focus.
    <div className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
