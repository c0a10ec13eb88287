// Page objects for the self-assessment product: the first-start question, the enterprise's own
// page (profile, modules, readiness, award pre-check, action plan, report, result file), the
// department's Self-assessment page, and the tools the specs need around them (the shipped
// questionnaires, result files rewritten with a new checksum, the text and pages of a PDF).
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { AppShell, EnterpriseForm, storedRows, untilControlled } from './app.js';
import { AssessmentForm } from './assessment.js';

export const ISO9001 = 'iso9001-readiness';
export const FIVE_S = 'five-s-readiness';
export const AWARD = 'award-precheck';

const FORM_FILES = { [ISO9001]: 'iso9001_readiness.json', [FIVE_S]: 'five_s_readiness.json', [AWARD]: 'award_precheck.json' };

// A shipped questionnaire as data/forms/ defines it: { id, version, sections: [{ id, questions }] }.
export function formDefinition(formId) {
  const url = new URL(`../../../data/forms/${FORM_FILES[formId]}`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, 'utf8'));
}

// Where each question of a questionnaire is: { id: { section, question } }.
function questionsOf(def) {
  const out = {};
  for (const section of def.sections) for (const q of section.questions) out[q.id] = { section: section.id, question: q };
  return out;
}

// Today on the browser's clock and in its time zone, as YYYY-MM-DD; `days` shifts it.
export async function browserDate(page, days = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

// The first-start question ("who is using this app?").
export class RoleChoice {
  constructor(page) {
    this.page = page;
    this.box = page.getByTestId('role-choice');
  }

  // An officer is then asked their name and unit: given when `officer` is set, put off otherwise.
  async choose(role, officer) {
    await expect(this.box).toBeVisible();
    await this.page.getByTestId(`role-${role}`).click();
    if (role === 'officer') {
      const welcome = this.page.getByTestId('welcome');
      await expect(welcome).toBeVisible();
      if (officer) {
        await this.page.getByTestId('welcome-name').fill(officer.name);
        if (officer.unit) await this.page.getByTestId('welcome-unit').selectOption(officer.unit);
        await this.page.getByTestId('welcome-start').click();
      } else {
        await this.page.getByTestId('welcome-later').click();
      }
      await expect(welcome).toHaveCount(0);
    }
    await expect(this.box).toHaveCount(0);
  }
}

// A new device (browser context) with the app open and the role chosen on first start.
export async function openDevice(browser, role) {
  const context = await browser.newContext({ ...test.info().project.use, acceptDownloads: true });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.open('/');
  // A reload while the service worker still caches the first load's files can give a page that
  // never starts (see hardening.spec.js): the specs reload, so wait until it controls the page.
  await untilControlled(page);
  await new RoleChoice(page).choose(role);
  return { context, page, app };
}

// A self-assessment filled in the editor: `answers` maps question ids to a text, a choice value
// or, for a matrix, { row: value }; each is entered in its section as the questionnaire places it.
export class ModuleRun {
  constructor(page, formId) {
    this.page = page;
    this.formId = formId;
    this.form = new AssessmentForm(page);
    this.questions = questionsOf(formDefinition(formId));
  }

  async start() {
    await this.form.startModule(this.formId);
    await expect(this.form.status).not.toHaveClass(/badge-done/);
  }

  async answer(answers) {
    let shown;
    for (const [id, value] of Object.entries(answers)) {
      const where = this.questions[id];
      if (!where) throw new Error(`${this.formId} has no question ${id}`);
      if (where.section !== shown) {
        await this.form.section(where.section);
        shown = where.section;
      }
      const q = where.question;
      if (q.type === 'matrix') {
        for (const [row, v] of Object.entries(value)) await this.page.getByTestId(`opt-${id}.${row}-${v}`).check();
      } else if (q.type === 'single' || q.type === 'scale') {
        await this.form.choose(id, value);
      } else {
        await this.form.type(id, value);
      }
    }
  }

  async finish() {
    await this.form.finish();
    await expect(this.form.status).toHaveClass(/badge-done/);
  }

  // Starts (or continues) the module, answers, finishes: one whole assessment.
  async complete(answers) {
    await this.start();
    await this.answer(answers);
    await this.finish();
  }
}

// The enterprise's own page, /self-assessment in enterprise mode.
export class EnterpriseHome {
  constructor(page) {
    this.page = page;
    this.home = page.getByTestId('enterprise-home');
    this.name = page.getByTestId('own-name');
    this.taxCode = page.getByTestId('own-tax-code');
    this.summary = page.getByTestId('readiness-summary');
    this.radar = page.getByTestId('readiness-radar');
    this.history = page.getByTestId('readiness-history');
    this.award = page.getByTestId('award-result');
    this.plan = page.getByTestId('action-plan');
    this.actions = this.plan.locator('li[data-testid^="action-"]');
  }

  async open() {
    await this.page.getByTestId('nav-self-assessment').click();
    await expect(this.home).toBeVisible();
  }

  // With no profile yet: the page asks for it; the register's form saves it and comes back here.
  async fillProfile(e) {
    await this.open();
    await this.page.getByTestId('fill-profile').click();
    await expect(this.page).toHaveURL(/\/profile$/);
    const form = new EnterpriseForm(this.page);
    await form.fill(e);
    await form.save.click();
    await expect(this.page).toHaveURL(/\/self-assessment$/);
    await expect(this.name).toHaveText(e.name);
  }

  module(formId) {
    return this.page.getByTestId(`module-${formId}`);
  }

  row(formId) {
    const row = this.page.getByTestId(`module-row-${formId}`);
    return { row, percent: row.getByTestId('module-percent'), band: row.getByTestId('module-band'), change: row.getByTestId('module-change') };
  }

  // One action of the plan by its form and item key ("clause_4.c4_1").
  action(formId, key) {
    const item = this.page.getByTestId(`action-${formId}-${key.replaceAll('.', '-')}`);
    return {
      item,
      owner: item.getByTestId('action-owner'),
      due: item.getByTestId('action-due'),
      done: item.getByTestId('action-done'),
      overdue: item.getByTestId('action-overdue'),
      waits: item.getByTestId('action-waits'),
      support: item.getByTestId('action-support'),
    };
  }

  // The form id and item key ("clause_4.c4_1") of every action listed, in order.
  async actionKeys() {
    const ids = await this.actions.evaluateAll((els) => els.map((e) => e.dataset.testid));
    return ids.map((id) => {
      const rest = id.slice('action-'.length);
      const form = [ISO9001, FIVE_S, AWARD].find((f) => rest.startsWith(`${f}-`));
      if (!form) throw new Error(`an action of an unexpected module: ${id}`);
      // The test id has the key's "." as "-"; question and row ids have no "-".
      return { formId: form, key: rest.slice(form.length + 1).replace('-', '.') };
    });
  }

  // Waits until an action's state is stored on its assessment; returns it.
  async storedAction(key, check) {
    let state;
    await expect.poll(async () => {
      const rows = await storedRows(this.page, 'assessment');
      state = rows.map((r) => JSON.parse(r.json).payload).map((p) => p.actions && p.actions[key]).find(Boolean);
      return Boolean(state && check(state));
    }, { timeout: 10_000 }).toBe(true);
    return state;
  }

  async openReport() {
    await this.page.getByTestId('open-report').click();
    await expect(this.page.getByTestId('readiness-report')).toBeVisible();
    await expect(this.page).toHaveURL(/\/readiness-report\/[^/]+$/);
  }

  // Exports the result file for the department; returns { name, path, bytes }.
  async exportResult(label = 'result') {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-result').click()]);
    // Kept in the test's output folder: a download's own file goes when its context closes.
    const path = test.info().outputPath(label, download.suggestedFilename());
    await download.saveAs(path);
    await expect(this.page.getByTestId('export-result-done')).toBeVisible();
    return { name: download.suggestedFilename(), path, bytes: fs.readFileSync(path) };
  }
}

// The department's Self-assessment page (officer mode).
export class OfficerAssessments {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('officer-assessments');
    this.rows = page.getByTestId('assessment-row');
    this.count = page.getByTestId('assessment-count');
    this.shortlistRows = page.getByTestId('shortlist-row');
  }

  async open() {
    await this.page.getByTestId('nav-self-assessment').click();
    await expect(this.root).toBeVisible();
  }

  filter(name) {
    return this.page.getByTestId(`filter-${name}`);
  }

  async showAssessments() {
    await this.page.getByTestId('tab-assessments').click();
    await expect(this.count).toBeVisible();
  }

  async showShortlist() {
    await this.page.getByTestId('tab-shortlist').click();
    await expect(this.page.getByTestId('shortlist')).toBeVisible();
  }
}

// A file of the test's own, made from `content`; returns its path.
export function badCopy(name, content) {
  fs.mkdirSync(test.info().outputPath('bad'), { recursive: true });
  const path = test.info().outputPath('bad', name);
  fs.writeFileSync(path, content);
  return path;
}

// A sync file rewritten by `edit(parsedFile)`, with its checksum worked out again as the app
// does: SHA-256 of the bytes before `,"checksum":` (docs/sync-format.md); returns its path.
export function rewrittenResultFile(bytes, name, edit) {
  const file = JSON.parse(bytes.toString('utf8'));
  delete file.checksum;
  edit(file);
  const body = JSON.stringify(file).slice(0, -1);
  return badCopy(name, `${body},"checksum":"${createHash('sha256').update(body).digest('hex')}"}`);
}

// The PDF reader is shared with other specs that print.
export { readPdf, compact } from './pdf.js';
