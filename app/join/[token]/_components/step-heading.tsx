'use client';

// The heading of a join step. When a new step appears, focus moves to its
// heading (tabIndex -1: focusable by script, not in the Tab order), so a
// screen-reader user hears that the step changed instead of losing their place.
import { useEffect, useRef, type ReactNode } from 'react';

export function StepHeading({
  id,
  focus = true,
  level = 2,
  className = 'text-xl font-semibold',
  children,
}: {
  id: string;
  /** False for the step the page opens on: the reader starts at the top then. */
  focus?: boolean;
  level?: 2 | 3;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <H id={id} ref={ref} tabIndex={-1} className={`${className} focus:outline-none`}>
      {children}
    </H>
  );
}
