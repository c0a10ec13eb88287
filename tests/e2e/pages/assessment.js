// Page objects for self-assessments. The editor is the field survey's, with the same test ids
// (save-state, mark-complete, survey-status…); only the editor's section and the stored kind differ.
import { expect } from '@playwright/test';
import { storedRows } from './app.js';
import { SurveyForm } from './survey.js';

export class AssessmentForm extends SurveyForm {
  constructor(page) {
    super(page);
    this.editor = page.getByTestId('assessment-editor');
    this.enterprise = page.getByTestId('survey-enterprise');
    this.finishButton = page.getByTestId('mark-complete');
  }

  // Starts a self-assessment on a questionnaire from the Self-assessment page, which opens it.
  async startModule(formId) {
    await this.page.getByTestId('nav-self-assessment').click();
    await this.page.getByTestId(`start-module-${formId}`).click();
    await expect(this.editor).toBeVisible();
    await expect(this.page).toHaveURL(/\/self-assessment\/[^/]+$/);
  }

  async finish() {
    await this.finishButton.click();
  }

  // Waits until the self-assessment as stored in IndexedDB satisfies `check(payload)`.
  async storedPayload(check) {
    const id = this.surveyId();
    let payload;
    await expect.poll(async () => {
      const row = (await storedRows(this.page, 'assessment')).find((r) => r.id === id);
      payload = row && JSON.parse(row.json).payload;
      return Boolean(payload && check(payload));
    }, { timeout: 10_000 }).toBe(true);
    return payload;
  }
}
