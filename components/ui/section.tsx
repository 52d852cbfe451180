import type { ReactNode } from 'react';

const headingSizes = { lg: 'text-lg font-semibold', xl: 'text-xl font-semibold' };

/** A part of a page named by its heading (aria-labelledby), so screen readers list it as a region. */
export function Section({
  id,
  title,
  size = 'lg',
  className = 'flex flex-col gap-3',
  children,
}: {
  /** The heading's id is `${id}-heading`. */
  id: string;
  title: ReactNode;
  size?: keyof typeof headingSizes;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className={headingSizes[size]}>
        {title}
      </h2>
      {children}
    </section>
  );
}
