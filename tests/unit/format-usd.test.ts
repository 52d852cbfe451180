import { describe, expect, it } from 'vitest';

import { formatRate, formatUsd, monthLabel } from '@/components/costs/format-usd';

describe('money on the costs page', () => {
  it('shows amounts to the cent, or to a tenth of a cent below a dollar, and a dash when unpriced', () => {
    expect(formatUsd(35.79)).toBe('US$35.79');
    expect(formatUsd(0.103)).toBe('US$0.103');
    expect(formatUsd(0)).toBe('US$0.00');
    expect(formatUsd(-0.056)).toBe('−US$0.056');
    expect(formatUsd(null)).toBe('—');
  });

  it('shows per-unit rates without rounding away the hundredths of a cent', () => {
    expect(formatRate(0.0515)).toBe('US$0.0515');
    expect(formatRate(0.0157)).toBe('US$0.0157');
    expect(formatRate(0.004)).toBe('US$0.004');
    expect(formatRate(6.5)).toBe('US$6.50');
    expect(formatRate(null)).toBe('unknown');
  });

  it('names months in words, in UTC', () => {
    expect(monthLabel('2026-11', 'long')).toBe('November 2026');
  });
});
