import Link from 'next/link';
import type { ReactNode } from 'react';

/** A link back to the page this one sits under, as a breadcrumb. */
export function Breadcrumb({ href, children }: { href: string; children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={href} className="text-brand-700 underline underline-offset-2">
        {children}
      </Link>
    </nav>
  );
}

/**
 * A settings page's heading: a link up to its parent page above the title,
 * and the page's introduction (children) below it.
 */
export function PageHeader({
  up,
  title,
  titleClassName = '',
  className,
  children,
}: {
  up: { href: string; label: string };
  title: ReactNode;
  titleClassName?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <p className="text-sm">
        <Link href={up.href} className="text-brand-700 underline underline-offset-4">
          {up.label}
        </Link>
      </p>
      <h1 className={`text-2xl font-semibold ${titleClassName}`.trim()}>{title}</h1>
      {children}
    </div>
  );
}
