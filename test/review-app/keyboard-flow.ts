import type { Page } from 'playwright-core';

export interface FlowStep {
  id: string;
  action: 'approve' | 'amend' | 'na' | 'reject' | 'skip';
  /** The typed value for amend, as the page's fields take it. */
  typed?: string;
  commit?: string;
}

/** The item now open, once its view has rendered. */
export async function currentId(page: Page): Promise<string> {
  return (await page.getByTestId('item-id').textContent())!.trim();
}

async function waitForItemChange(page: Page, from: string): Promise<void> {
  // Locators, not waitForFunction: the page's CSP (no eval) refuses Playwright's string predicates.
  await page
    .getByTestId('item-id')
    .filter({ hasNotText: new RegExp(`^${from}$`) })
    .waitFor();
}

/** A corrected value of the right kind for whatever the item asks, typed into the page's fields. */
async function typeCorrection(page: Page): Promise<string> {
  if (await page.getByTestId('value-number').count()) {
    const previous = (await page.getByTestId('proposed').textContent()) ?? '';
    const n = Math.round(Number.parseFloat(previous) || 10) + 3;
    await page.getByTestId('value-number').pressSequentially(String(n));
    return String(n);
  }
  if (await page.getByTestId('value-date').count()) {
    await page.getByTestId('value-date').fill('2024-11-03');
    return '11/03/2024';
  }
  await page.getByTestId('value-weeks').pressSequentially('11');
  await page.getByTestId('value-days').pressSequentially('2');
  return '[11, 2]';
}

/**
 * Five items by keyboard alone (bar the value fields): approve, amend with a typed value, N/A,
 * keep the previous answer (a rejection), then skip one with j. Returns what was done to which item.
 */
export async function reviewFiveByKeyboard(page: Page): Promise<FlowStep[]> {
  const steps: FlowStep[] = [];
  for (const action of ['approve', 'amend', 'na', 'reject', 'skip'] as const) {
    const id = await currentId(page);
    const step: FlowStep = { id, action };
    await page.locator('body').press('Escape'); // the page's Escape leaves any field
    if (action === 'approve') await page.keyboard.press('a');
    if (action === 'reject') await page.keyboard.press('p');
    if (action === 'amend') {
      await page.keyboard.press('e');
      await page.locator('#corrected-value:focus').waitFor();
      step.typed = await typeCorrection(page);
      await page.getByTestId('value-check').filter({ hasText: '✓' }).waitFor();
      await page.getByTestId('category').selectOption('extraction-error');
      await page.getByTestId('note-input').fill('recomputed from the admission weight');
    }
    if (action === 'na') {
      await page.keyboard.press('n');
      await page.locator('#reason:focus').waitFor();
      await page.getByTestId('reason').selectOption('several-values');
    }
    if (action === 'skip') await page.keyboard.press('j');
    else await page.keyboard.press('Control+Enter');
    await waitForItemChange(page, id);
    steps.push(step);
  }
  return steps;
}
