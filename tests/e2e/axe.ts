// The one accessibility check of the end-to-end specs: axe-core over the page as
// it stands, every violation listed with the elements it found.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What every page is held to: WCAG 2.0 A and AA, and 2.1 AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21aa'];
/** The video pages (patients on phones, the clinician's room) also meet 2.1 A and 2.2 AA. */
export const WCAG_22_AA = [...WCAG_21_AA, 'wcag21a', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, where = page.url(), tags = WCAG_21_AA) {
  // Next streams a page's title with its metadata, and React may put it back a moment after
  // an update (a form's server action refreshing the page), so the check waits for a title
  // rather than judge the page in between. A page that never gets one still fails here.
  await expect(page, `${where}: the page has a title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe on ${where}`).toEqual([]);
}
