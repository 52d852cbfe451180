'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { FieldErrors, FieldHint, FieldLabel } from './field';

export type ComboboxOption = {
  id: string;
  /** What the input shows once chosen, and the option's main line. */
  label: string;
  /** A second line that tells namesakes apart (date of birth, mobile). */
  description?: string;
};

/**
 * A type-to-search picker following the WAI-ARIA combobox pattern (list
 * autocomplete): the input has role=combobox, aria-expanded, aria-controls
 * and aria-activedescendant; the options are a listbox. Down and Up move
 * through the options, Enter chooses one, Escape closes the list (a second
 * Escape clears the text). How many were found is said in a polite live
 * region. The chosen id goes with the form in a hidden input named `name`.
 * Searching is the caller's (a server action): it is debounced, and an
 * answer that arrives after a newer query was typed is dropped.
 */
export function Combobox({
  label,
  name,
  hint,
  errors,
  search,
  initial,
  minChars = 2,
  debounceMs = 200,
  placeholder,
  noun = { one: 'result', many: 'results' },
  onChange,
  noScript,
}: {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  search: (query: string) => Promise<ComboboxOption[] | { error: string }>;
  initial?: ComboboxOption | null;
  minChars?: number;
  debounceMs?: number;
  placeholder?: string;
  noun?: { one: string; many: string };
  /** Told of each choice (null when the text is changed or cleared), e.g. to keep it across a re-mount. */
  onChange?: (option: ComboboxOption | null) => void;
  /** What to do instead where JavaScript does not run (the search needs it). */
  noScript?: ReactNode;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(initial?.label ?? '');
  const [chosen, setChosen] = useState<ComboboxOption | null>(initial ?? null);
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const sequence = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function runSearch(query: string) {
    clearTimeout(timer.current);
    const q = query.trim();
    const mine = ++sequence.current;
    if (q.length < minChars) {
      setOptions([]);
      setOpen(false);
      setActive(-1);
      setBusy(false);
      setStatus(q ? `Type at least ${minChars} characters to search.` : '');
      return;
    }
    setBusy(true);
    timer.current = setTimeout(async () => {
      let found: ComboboxOption[] | { error: string };
      try {
        found = await search(q);
      } catch {
        found = { error: 'The search did not work. Check your connection and try again.' };
      }
      if (mine !== sequence.current) return; // A newer query was typed meanwhile.
      setBusy(false);
      if ('error' in found) {
        setOptions([]);
        setOpen(false);
        setStatus(found.error);
        return;
      }
      setOptions(found);
      setOpen(true);
      setActive(found.length > 0 ? 0 : -1);
      setStatus(
        found.length === 0
          ? `No ${noun.many} match.`
          : `${found.length} ${found.length === 1 ? noun.one : noun.many} found. Use the up and down arrows to move through them, Enter to choose.`,
      );
    }, debounceMs);
  }

  function choose(option: ComboboxOption) {
    setChosen(option);
    onChange?.(option);
    setText(option.label);
    setOpen(false);
    setActive(-1);
    setStatus(`${option.label} chosen.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && options.length > 0) {
          setOpen(true);
          setActive(0);
        } else if (options.length > 0) setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open && options.length > 0) {
          setOpen(true);
          setActive(options.length - 1);
        } else if (options.length > 0) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Enter': {
        // Enter in an open list chooses; it must not submit the form half done.
        const option = open ? options[active] : undefined;
        if (option) {
          event.preventDefault();
          choose(option);
        } else if (!chosen) event.preventDefault();
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText('');
          setChosen(null);
          onChange?.(null);
          setOptions([]);
          setStatus('');
        }
        break;
      default:
    }
  }

  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="relative flex min-w-0 flex-col gap-1">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <FieldHint id={hintId} hint={hint} />
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-busy={busy || undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          // Typing again means looking for someone else: the earlier choice no longer holds.
          if (chosen) {
            setChosen(null);
            onChange?.(null);
          }
          runSearch(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => {
          if (!chosen && options.length > 0) setOpen(true);
        }}
        className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-20 mt-1 max-h-80 overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-opt-${option.id}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it comes before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            onMouseMove={() => setActive(index)}
            className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 ${index === active ? 'bg-brand-100 text-slate-900 outline-2 -outline-offset-2 outline-brand-700' : 'text-slate-900'}`}
          >
            <span className="truncate font-medium" title={option.label}>
              {option.label}
            </span>
            {option.description ? (
              <span className="truncate text-sm text-slate-700">{option.description}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {noScript ? <noscript>{noScript}</noscript> : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
