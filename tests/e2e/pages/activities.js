// Page objects for the activity log: the Activities page, the activity form, and an
// enterprise's activities. Tests (this spec, the dashboard's) say what the officer does;
// the selectors live here.
import { expect } from '@playwright/test';

export class ActivityForm {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('activity-form');
    this.title = page.getByTestId('page-title');
    this.saveButton = page.getByTestId('save-activity');
    this.linked = page.getByTestId('activity-enterprise-linked');
  }

  // `name` is the test id's tail: kind, title, start-date, end-date, unit, plan-item, organiser,
  // participants, organisations, expert-name, expert-organisation, expert-certificate, certified,
  // award-result, reference, budget, funding, notes.
  field(name) {
    return this.page.getByTestId(`activity-${name}`);
  }

  error(name) {
    return this.page.getByTestId(`activity-${name}-error`);
  }

  topic(id) {
    return this.page.getByTestId(`activity-topic-${id}`);
  }

  // From the Activities page, through the menu.
  async startNew() {
    await this.page.getByTestId('nav-activities').click();
    await this.page.getByTestId('new-activity').click();
    await expect(this.form).toBeVisible();
  }

  // Types part of a name or a tax code into the search picker and chooses the enterprise named `name`.
  async pickEnterprise(search, name) {
    await this.field('enterprise-search').fill(search);
    await this.page.getByTestId('activity-enterprise-option').getByText(name, { exact: true }).click();
    await expect(this.linked.getByTestId('activity-enterprise-name').getByText(name, { exact: true })).toBeVisible();
  }

  // Fills what is given: { kind, title, start, end, unit, planItem, organiser, participants, organisations,
  // expert: { name, organisation, certificate }, certified: 'yes'|'no', award: 'pending'|'not_awarded'|'award'|'gold',
  // reference, budget, funding: 'state_budget'|'mobilised', topics: [ids], enterprises: [{ search, name }], notes }.
  // The kind goes first: it decides which fields the form shows.
  async fill(a) {
    if (a.kind !== undefined) await this.field('kind').selectOption(a.kind);
    if (a.title !== undefined) await this.field('title').fill(a.title);
    if (a.start !== undefined) await this.field('start-date').fill(a.start);
    if (a.end !== undefined) await this.field('end-date').fill(a.end);
    if (a.unit !== undefined) await this.field('unit').selectOption(a.unit);
    if (a.planItem !== undefined) await this.field('plan-item').selectOption(a.planItem);
    if (a.organiser !== undefined) await this.field('organiser').fill(a.organiser);
    for (const e of a.enterprises || []) await this.pickEnterprise(e.search, e.name);
    for (const t of a.topics || []) await this.topic(t).check();
    if (a.participants !== undefined) await this.field('participants').fill(a.participants);
    if (a.organisations !== undefined) await this.field('organisations').fill(a.organisations);
    if (a.expert?.name !== undefined) await this.field('expert-name').fill(a.expert.name);
    if (a.expert?.organisation !== undefined) await this.field('expert-organisation').fill(a.expert.organisation);
    if (a.expert?.certificate !== undefined) await this.field('expert-certificate').fill(a.expert.certificate);
    if (a.certified !== undefined) await this.field('certified').selectOption(a.certified);
    if (a.award !== undefined) await this.field('award-result').selectOption(a.award);
    if (a.reference !== undefined) await this.field('reference').fill(a.reference);
    if (a.budget !== undefined) await this.field('budget').fill(a.budget);
    if (a.funding !== undefined) await this.field('funding').selectOption(a.funding);
    if (a.notes !== undefined) await this.field('notes').fill(a.notes);
  }

  // Saves and waits for the activity's own page; returns its id.
  async save(title) {
    await this.saveButton.click();
    await expect(this.page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId('flash')).toContainText('Đã lưu hoạt động.');
    if (title !== undefined) await expect(this.title).toHaveText(title);
    return this.activityId();
  }

  activityId() {
    return new URL(this.page.url()).pathname.split('/').pop();
  }

  async delete() {
    await this.page.getByTestId('delete-activity').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeVisible();
    await this.page.getByTestId('confirm-yes').click();
    await expect(this.page).toHaveURL(/\/activities$/);
    await expect(this.page.getByTestId('flash')).toContainText('Đã xóa hoạt động.');
  }

  historyEntries() {
    return this.page.getByTestId('activity-history').getByTestId('history-entry');
  }

  historyChanges() {
    return this.page.getByTestId('activity-history').getByTestId('history-change');
  }
}

// Records one activity through the form, as an officer does (see ActivityForm.fill); returns its id.
export async function recordActivity(page, activity) {
  const form = new ActivityForm(page);
  await form.startNew();
  await form.fill(activity);
  return form.save(activity.title);
}

export class ActivityList {
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('activity-row');
    this.links = page.getByTestId('activity-link');
    this.count = page.getByTestId('activity-count');
    this.search = page.getByTestId('activity-search');
  }

  async open(query = '') {
    if (query) {
      await this.page.goto(`/activities${query}`);
    } else {
      await this.page.getByTestId('nav-activities').click();
    }
    await expect(this.page.getByTestId('activity-list')).toBeVisible();
    await expect(this.page.getByTestId('activities-loading')).toHaveCount(0);
  }

  filter(name) {
    return this.page.getByTestId(`filter-activity-${name}`);
  }

  // Filters by kind, plan, year or unit ('' is all).
  async filterBy(name, value) {
    await this.filter(name).selectOption(value);
  }

  titles() {
    return this.page.getByTestId('activity-link').allTextContents();
  }

  row(title) {
    return this.rows.filter({ has: this.page.getByTestId('activity-link').getByText(title, { exact: true }) });
  }

  async openActivity(title) {
    await this.page.getByTestId('activity-link').getByText(title, { exact: true }).click();
    await expect(this.page.getByTestId('activity-form')).toBeVisible();
  }
}

// The activities table on an enterprise's page.
export class EnterpriseActivities {
  constructor(page) {
    this.page = page;
    this.section = page.getByTestId('enterprise-activities');
    this.rows = page.getByTestId('enterprise-activity-row');
    this.links = page.getByTestId('enterprise-activity-title');
    this.add = page.getByTestId('add-enterprise-activity');
  }

  titles() {
    return this.page.getByTestId('enterprise-activity-title').allTextContents();
  }

  async open(title) {
    await this.page.getByTestId('enterprise-activity-title').getByText(title, { exact: true }).click();
    await expect(this.page.getByTestId('activity-form')).toBeVisible();
  }
}
