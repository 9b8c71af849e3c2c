#!/usr/bin/env node
// End-to-end: the gym manager page (web/manager.html) in headless Chromium.
// A manager signs in and picks the gym; a duplicate badge in "add a member"
// is refused next to the badge field; a search narrows the members to one;
// that member's card shows the fitness profile and the facts, the injury in
// the warning at the top; "a workout for this member" lists the injury among
// the applied facts, shows the explanation and holds no exercise that loads
// the knee (checked against GET /api/exercises); Play starts the stream.
// Then a staff account opens the same card: identity yes, profile and facts
// "not available for your role".
//
//   node tests/e2e/manager_page.mjs BASE_URL SETUP_JSON [SCREENSHOT_ON_FAILURE.png]
//
// SETUP_JSON (what tests/e2e/e2e_manager_test.cpp made through the API):
//   {"manager": {"email", "password"}, "staff": {"email", "password"},
//    "gym": NAME, "members": COUNT, "search": TEXT, "member": FULL_NAME,
//    "taken_badge": BADGE, "injury_key": KEY, "profile_texts": [TEXT, ...],
//    "sentence": TEXT}
// Prints a JSON summary on stdout; exits 1 with the reason (and a screenshot
// when a path is given) when anything fails.
import { fail, runInChromium } from './browser.mjs';

const PLAY_TIMEOUT_MS = Number(process.env.WS_E2E_TIMEOUT_S || 120) * 1000;

const [baseUrl, setupText, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !setupText) {
  console.error('usage: node tests/e2e/manager_page.mjs BASE_URL SETUP_JSON [SCREENSHOT.png]');
  process.exit(2);
}
const setup = JSON.parse(setupText);
const summary = { ok: false, base_url: baseUrl, steps: [] };
const step = (name, extra = {}) => summary.steps.push({ name, ...extra });

// The catalog says which exercises load a knee: the coach's knee rule
// (src/coach/lexicon.cpp) rules out the quadriceps, squats, lunges and jumps.
function loadsTheKnee(exercise) {
  const muscles = (exercise.metadata && exercise.metadata.muscles_targeted) || [];
  return exercise.has_jump || /squat|lunge/i.test(exercise.name) || muscles.includes('quadriceps');
}

const text = (page, selector) => page.locator(selector).innerText();

// Waits for `selector`; on a timeout, fails with what the page says at `context`.
async function expectSelector(page, selector, what, context) {
  try {
    await page.locator(selector).first().waitFor();
  } catch {
    const said = context ? await page.locator(context).innerText().catch(() => '(nothing)') : '';
    fail(`${what}: ${selector} never appeared${context ? ` (${context} says "${said}")` : ''}`);
  }
}

async function signIn(page, account) {
  const form = page.locator('#account-form');
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expectSelector(page, '#signed-in:not([hidden])', `signing in ${account.email}`, '#account-status');
  await expectSelector(page, '#gym-panel[data-state="loaded"]', 'loading the gyms', '#gym-status');
  await page.locator('#gym-select').selectOption({ label: setup.gym });
  await expectSelector(page, '#members-panel[data-state="loaded"][data-query=""]', 'listing the members', '#members-status');
}

async function search(page, query) {
  await page.getByLabel('Search').fill(query);
  await expectSelector(page, `#members-panel[data-state="loaded"][data-query="${query}"]`, `searching "${query}"`,
    '#members-status');
  return page.locator('#members tr').allInnerTexts();
}

async function openCard(page) {
  const rows = await search(page, setup.search);
  if (rows.length !== 1 || !rows[0].includes(setup.member)) {
    fail(`searching "${setup.search}" lists ${JSON.stringify(rows)}, wanted only ${setup.member}`);
  }
  await page.getByRole('button', { name: `Open ${setup.member}` }).click();
  await expectSelector(page, '#member-card[data-state="loaded"]', 'opening the card', '#member-name');
  const name = await text(page, '#member-name');
  if (name !== setup.member) fail(`the card is titled "${name}", wanted "${setup.member}"`);
}

async function duplicateBadgeIsRefused(page) {
  await page.locator('#add-member summary').click();
  const form = page.locator('#member-form');
  await form.getByLabel('Badge').fill(setup.taken_badge);
  await form.getByLabel('First name').fill('Someone');
  await form.getByLabel('Last name').fill('Else');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expectSelector(page, '#member-form label:has([name="badge_id"]) .field-error', 'the duplicate badge',
    '#member-form .form-status');
  if ((await form.getByLabel('Badge').getAttribute('aria-invalid')) !== 'true') fail('the badge field is not marked invalid');
  step('duplicate_badge', { error: await text(page, '#member-form .field-error') });
}

async function cardShowsProfileAndInjury(page) {
  const profile = await text(page, '#profile-section[data-state="loaded"] .section-body');
  for (const wanted of setup.profile_texts) {
    if (!profile.includes(wanted)) fail(`the profile does not show "${wanted}": "${profile}"`);
  }
  const injury = page.locator(`#facts li[data-category="injury"][data-fact-key="${setup.injury_key}"]`);
  if ((await injury.count()) !== 1) fail(`the facts do not list the injury ${setup.injury_key}: "${await text(page, '#facts-section')}"`);
  if (!(await page.locator('#member-injuries').isVisible())) fail('the injury warning is not shown at the top of the card');
  const warning = await text(page, '#member-injuries');
  if (!warning.includes(setup.injury_key.replace(/_/g, ' '))) fail(`the injury warning says "${warning}"`);
  step('card', { profile, injury_warning: warning });
}

async function workoutSparesTheKnee(page, catalog) {
  await page.getByLabel('What should they do today?').fill(setup.sentence);
  await page.getByRole('button', { name: 'Write the workout' }).click();
  await expectSelector(page, '#workout-section:is([data-state="ready"], [data-state="error"], [data-state="forbidden"])',
    'the workout', '#member-workout-status');
  if ((await page.locator('#workout-section').getAttribute('data-state')) !== 'ready') {
    fail(`no workout: "${await text(page, '#member-workout-status')}"`);
  }
  const applied = page.locator(`#applied-facts li[data-category="injury"][data-fact-key="${setup.injury_key}"]`);
  if ((await applied.count()) !== 1) fail(`the applied facts do not list the injury: "${await text(page, '#applied-facts')}"`);
  const explanation = await text(page, '#member-explanation');
  if (!(await page.locator('#member-explanation').isVisible()) || explanation.trim().length < 20) {
    fail(`the explanation is not shown: "${explanation}"`);
  }
  const items = await page.locator('#member-exercises li').evaluateAll(
    (lis) => lis.map((li) => ({ id: li.dataset.exerciseId, name: li.textContent })));
  if (items.length === 0) fail('the workout lists no exercise');
  for (const item of items) {
    const exercise = catalog.get(item.id);
    if (!exercise || exercise.name !== item.name) fail(`"${item.name}" (${item.id}) is not the catalog's exercise`);
    if (loadsTheKnee(exercise)) fail(`the workout holds "${exercise.name}", which loads the knee`);
  }
  step('workout', { exercises: items.map((i) => i.name), applied: await applied.innerText(), explanation });
}

async function playStarts(page) {
  const workoutId = await page.locator('#member-workout').getAttribute('data-workout-id');
  await page.getByRole('button', { name: 'Play' }).click();
  try {
    await page.waitForFunction(() => window.wsPlayer && (window.wsPlayer.video.currentTime > 0.5 ||
      window.wsPlayer.errors.length > 0 || document.getElementById('player-message').className === 'error'),
    null, { timeout: PLAY_TIMEOUT_MS });
  } catch {
    fail(`the workout did not start playing (page says "${await text(page, '#player-message')}")`);
  }
  const state = await page.evaluate(() => ({ time: window.wsPlayer.video.currentTime, errors: window.wsPlayer.errors,
    url: window.wsPlayer.stream && window.wsPlayer.stream.hls_url }));
  if (state.errors.length || !state.url || !state.url.includes(workoutId)) {
    fail(`playing ${workoutId}: ${JSON.stringify(state)} (page says "${await text(page, '#player-message')}")`);
  }
  step('play', state);
}

async function staffSeesIdentityOnly(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectSelector(page, '#account-form:not([hidden])', 'signing out');
  await signIn(page, setup.staff);
  await openCard(page);
  for (const section of ['#profile-section', '#facts-section']) {
    await expectSelector(page, `${section}[data-state="forbidden"]`, `${section} for a staff account`, section);
    const said = await text(page, `${section} .section-body`);
    if (said !== 'Not available for your role.') fail(`${section} says "${said}" to a staff account`);
  }
  if (await page.locator('#member-injuries').isVisible()) fail('the injury warning is shown to a staff account');
  if (await page.locator('#fact-editor').isVisible()) fail('the fact editor is shown to a staff account');
  step('staff', { meta: await text(page, '#member-meta') });
}

async function run(page) {
  page.setDefaultTimeout(30000);
  const catalog = new Map((await (await fetch(new URL('/api/exercises', baseUrl))).json()).map((e) => [e.id, e]));
  await page.goto(new URL('/web/manager.html', baseUrl).href);
  await signIn(page, setup.manager);
  const rows = await page.locator('#members tr').count();
  if (rows !== setup.members) fail(`the gym lists ${rows} members, wanted ${setup.members}`);
  step('signed_in', { members: rows });
  await duplicateBadgeIsRefused(page);
  await openCard(page);
  await cardShowsProfileAndInjury(page);
  await workoutSparesTheKnee(page, catalog);
  await playStarts(page);
  await staffSeesIdentityOnly(page);
}

await runInChromium('manager_page', summary, screenshotPath, run, async (page) => {
  summary.page = await page.locator('main').innerText();
});
