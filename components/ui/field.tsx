import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Labelled form controls whose errors are tied to the control (aria-describedby)
// so screen readers read them with the field.

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode };

export function TextField({
  label,
  name,
  errors,
  hint,
  id,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        {...props}
      />
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        {...props}
      >
        {children}
      </select>
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  id,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="min-h-24 rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        {...props}
      />
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

/** A checkbox with its label beside it; the hint and error are read with it. */
export function CheckboxField({
  label,
  name,
  errors,
  hint,
  id,
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          name={name}
          type="checkbox"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="mt-0.5 size-6 shrink-0 rounded border-slate-500 accent-brand-700"
          {...props}
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          {hint ? (
            <p id={`${inputId}-hint`} className="text-sm text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(' ')}
    </p>
  );
}
