import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Combobox } from '@/components/ui/combobox';

const search = async () => [];

describe('combobox as the server draws it', () => {
  const html = renderToString(
    <Combobox
      label="Patient"
      name="patientId"
      hint="Type part of a name."
      errors={['Choose a patient.']}
      search={search}
      initial={{ id: 'p1', label: 'Marchetti, Olivia' }}
    />,
  );

  it('is an input with role combobox, collapsed, controlling a listbox of its own', () => {
    const input = /<input[^>]*role="combobox"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('aria-expanded="false"');
    expect(input).toContain('aria-autocomplete="list"');
    expect(input).not.toContain('aria-activedescendant');
    const controls = /aria-controls="([^"]+)"/.exec(input)?.[1];
    expect(html).toMatch(new RegExp(`<ul[^>]*id="${controls}"[^>]*role="listbox"`));
  });

  it('is labelled, described by its hint and its error, and limited in length', () => {
    const input = /<input[^>]*role="combobox"[^>]*>/.exec(html)?.[0] ?? '';
    const id = /id="([^"]+)"/.exec(input)?.[1];
    expect(html).toContain(`for="${id}"`);
    expect(input).toContain('aria-invalid="true"');
    expect(input).toMatch(/aria-describedby="[^"]+-hint [^"]+-error"/);
    expect(input).toContain('maxLength="100"');
  });

  it('sends the chosen id in a hidden field and shows its label', () => {
    expect(html).toMatch(/<input type="hidden" name="patientId" value="p1"\/>/);
    expect(html).toContain('value="Marchetti, Olivia"');
  });

  it('has a polite live region for what the search found', () => {
    expect(html).toMatch(/<p role="status" aria-live="polite"/);
  });
});
