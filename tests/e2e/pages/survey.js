// Page objects for the field survey: tests say what the officer does; selectors live here.
import { expect } from '@playwright/test';
import { storedRows } from './app.js';

export class SurveyForm {
  constructor(page) {
    this.page = page;
    this.editor = page.getByTestId('survey-editor');
    this.status = page.getByTestId('survey-status');
    this.title = page.getByTestId('survey-form-title');
  }

  async startFromEnterprisePage() {
    await this.page.getByTestId('start-survey').click();
    await expect(this.editor).toBeVisible();
  }

  async section(id) {
    await this.page.getByTestId(`section-link-${id}`).click();
    await expect(this.page.getByTestId(`section-${id}`)).toBeVisible();
  }

  input(id) {
    return this.page.locator(`[id="in-${id}"]`);
  }

  async type(id, value) {
    await this.input(id).fill(value);
  }

  async choose(id, value) {
    await this.page.getByTestId(`opt-${id}-${value}`).check();
  }

  option(id, value) {
    return this.page.getByTestId(`opt-${id}-${value}`);
  }

  // Gives every row of a matrix the same answer.
  async matrix(id, rows, value) {
    for (const row of rows) await this.page.getByTestId(`opt-${id}.${row}-${value}`).check();
  }

  issue(path) {
    return this.page.getByTestId(`issue-${path}`);
  }

  computed(id) {
    return this.page.getByTestId(`computed-${id}`);
  }

  question(path) {
    return this.page.getByTestId(`q-${path}`);
  }

  async markComplete() {
    await this.page.getByTestId('mark-complete').click();
  }

  surveyId() {
    return new URL(this.page.url()).pathname.split('/').pop();
  }

  // Waits until the survey as stored in IndexedDB satisfies `check(payload)`: the autosave went through.
  async storedPayload(check) {
    const id = this.surveyId();
    let payload;
    await expect.poll(async () => {
      const row = (await storedRows(this.page, 'survey')).find((r) => r.id === id);
      payload = row && JSON.parse(row.json).payload;
      return Boolean(payload && check(payload));
    }, { timeout: 10_000 }).toBe(true);
    return payload;
  }
}

export class SurveyList {
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('survey-row');
  }

  async open() {
    await this.page.getByTestId('nav-surveys').click();
    await expect(this.page.getByTestId('page-title')).toBeVisible();
  }
}

// A newer version of a shipped form definition, changed by `edit(definition)`.
export function newerForm(source, edit) {
  const def = JSON.parse(source);
  def.version += 1;
  edit(def);
  return JSON.stringify(def, null, 2);
}
