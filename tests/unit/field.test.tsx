import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/ui/field';

describe('form fields as the server draws them', () => {
  it('ties a text field to its label, hint and error, and marks it invalid', () => {
    const html = renderToString(
      <TextField label="Mobile" name="mobile" hint="Like 0412 345 678." errors={['Enter a mobile.']} />,
    );
    expect(html).toContain('<label for="field-mobile"');
    expect(html).toContain('id="field-mobile-hint"');
    expect(html).toContain('aria-describedby="field-mobile-hint field-mobile-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(
      '<p id="field-mobile-error" class="text-sm font-medium text-red-800">Enter a mobile.</p>',
    );
  });

  it('leaves aria-describedby and aria-invalid off a field with neither hint nor error', () => {
    const html = renderToString(<TextField label="Name" name="name" />);
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('aria-invalid="');
  });

  it('uses the id it is given for the control, hint and error', () => {
    const html = renderToString(
      <SelectField id="filter-status" label="Status" name="status" hint="Pick one." errors={['Bad.']}>
        <option value="A">A</option>
      </SelectField>,
    );
    expect(html).toContain('<select id="filter-status" name="status"');
    expect(html).toContain('aria-describedby="filter-status-hint filter-status-error"');
    expect(html).toContain('<option value="A">A</option>');
  });

  it('draws a text area and a checkbox (label beside it) with the same ties', () => {
    const area = renderToString(<TextAreaField label="Note" name="note" errors={['Too long.']} />);
    expect(area).toContain('<textarea id="field-note" name="note" aria-invalid="true"');
    const box = renderToString(<CheckboxField label="Consent" name="consent" hint="Ask first." />);
    expect(box).toMatch(/<input id="field-consent" aria-describedby="field-consent-hint" type="checkbox"/);
    expect(box).toContain('name="consent"');
    expect(box.indexOf('<input')).toBeLessThan(box.indexOf('<label'));
  });
});
