import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Labelled form controls whose errors are tied to the control (aria-describedby)
// so screen readers read them with the field.

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** The attributes that tie a control to its label, hint and error. */
export type ControlProps = {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** The ids of a field's hint and error, and the aria-describedby that names those shown. */
export function fieldIds(inputId: string, hint: ReactNode, errors: string[] | undefined) {
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ');
  return { hintId, errorId, describedBy: describedBy || undefined };
}

export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-slate-800">
      {children}
    </label>
  );
}

export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={id} className="text-sm text-slate-600">
      {hint}
    </p>
  );
}

/**
 * A field's scaffolding: label, hint, the control and its error. `control`
 * renders the control with the props that tie it to the rest. `inline` puts
 * the control before its label (a checkbox).
 */
export function Field({
  label,
  name,
  errors,
  hint,
  id,
  inline = false,
  className = 'flex flex-col gap-1',
  control,
}: Common & {
  id?: string;
  inline?: boolean;
  className?: string;
  control: (props: ControlProps) => ReactNode;
}) {
  const inputId = id ?? `field-${name}`;
  const { hintId, errorId, describedBy } = fieldIds(inputId, hint, errors);
  const controlNode = control({
    id: inputId,
    name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy,
  });
  const labelNode = <FieldLabel htmlFor={inputId}>{label}</FieldLabel>;
  return (
    <div className={className}>
      {inline ? (
        <div className="flex items-start gap-3">
          {controlNode}
          <div className="flex flex-col gap-0.5">
            {labelNode}
            <FieldHint id={hintId} hint={hint} />
          </div>
        </div>
      ) : (
        <>
          {labelNode}
          <FieldHint id={hintId} hint={hint} />
          {controlNode}
        </>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

const controlClass =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700';

/** Splits a field's props into its scaffolding's and the control's own. */
function split<P extends Common & { id?: string }>({ label, name, errors, hint, id, ...rest }: P) {
  return [{ label, name, errors, hint, id }, rest] as const;
}

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement>) {
  const [field, rest] = split(props);
  return (
    <Field {...field} control={(p) => <input {...p} className={`min-h-11 ${controlClass}`} {...rest} />} />
  );
}

export function SelectField(props: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const [field, rest] = split(props);
  return (
    <Field {...field} control={(p) => <select {...p} className={`min-h-11 ${controlClass}`} {...rest} />} />
  );
}

export function TextAreaField(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [field, rest] = split(props);
  return (
    <Field {...field} control={(p) => <textarea {...p} className={`min-h-24 ${controlClass}`} {...rest} />} />
  );
}

/** A checkbox with its label beside it; the hint and error are read with it. */
export function CheckboxField(props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const [field, rest] = split(props);
  const className = 'mt-0.5 size-6 shrink-0 rounded border-slate-500 accent-brand-700';
  return (
    <Field
      {...field}
      inline
      control={(p) => <input {...p} type="checkbox" className={className} {...rest} />}
    />
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

/**
 * Binds a form's text and select fields to their label, shown value and
 * errors, so each field in the markup names only what is its own.
 */
export function bindFields<N extends string>(
  labels: Record<N, string>,
  value: (name: N) => string | undefined,
  errors: Partial<Record<string, string[]>>,
) {
  return (name: N) => ({ name, label: labels[name], defaultValue: value(name), errors: errors[name] });
}
