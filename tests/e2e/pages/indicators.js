// Page objects for the plan's indicators: the dashboard's table of targets against actual
// values, the page listing the records behind a number, and the targets in Settings.
import { expect } from '@playwright/test';

export class IndicatorDashboard {
  constructor(page) {
    this.page = page;
    this.table = page.getByTestId('indicator-progress');
    this.period = page.getByTestId('ind-period');
    this.unit = page.getByTestId('ind-unit');
  }

  async open() {
    await this.page.getByTestId('nav-dashboard').click();
    await expect(this.table).toBeVisible();
  }

  async choosePeriod(key) {
    await this.period.selectOption(key);
  }

  target(id) {
    return this.page.getByTestId(`indicator-target-${id}`);
  }

  actual(id) {
    return this.page.getByTestId(`indicator-actual-${id}`);
  }

  pace(id) {
    return this.page.getByTestId(`indicator-pace-${id}`);
  }

  row(id) {
    return this.page.getByTestId(`indicator-row-${id}`);
  }

  // Follows an actual value's link to the records behind it.
  async openBehind(id) {
    await this.actual(id).click();
    await expect(this.page.getByTestId('behind-value')).toBeVisible();
  }
}

export class RecordsBehind {
  constructor(page) {
    this.page = page;
    this.value = page.getByTestId('behind-value');
    this.activities = page.getByTestId('behind-activity');
    this.counted = page.getByTestId('behind-row');
    this.enterprises = page.getByTestId('behind-enterprise');
  }

  async back() {
    await this.page.getByTestId('behind-back').click();
  }
}

export class TargetSettings {
  constructor(page) {
    this.page = page;
    this.editor = page.getByTestId('targets-editor');
    this.history = page.getByTestId('target-history');
    this.entries = page.getByTestId('target-history-entry');
    this.error = page.getByTestId('target-error');
  }

  async open() {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.editor).toBeVisible();
  }

  current(id, period) {
    return this.page.getByTestId(`target-current-${id}-${period}`);
  }

  // Opens the row's form and types { value, stretch, note } (what is given), without saving.
  async edit(id, period, { value, stretch, note } = {}) {
    await this.page.getByTestId(`target-edit-${id}-${period}`).click();
    const form = this.page.getByTestId('target-form');
    await expect(form).toBeVisible();
    if (value !== undefined) await form.getByTestId('target-value').fill(value);
    if (stretch !== undefined) await form.getByTestId('target-stretch').fill(stretch);
    if (note !== undefined) await form.getByTestId('target-note').fill(note);
  }

  async save() {
    await this.page.getByTestId('target-save').click();
  }

  async reset(id, period) {
    await this.page.getByTestId(`target-reset-${id}-${period}`).click();
  }
}
