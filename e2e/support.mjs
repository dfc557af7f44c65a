// Shared set-up of the browser tests: settings from the environment, Debian's Chromium, logging in.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];
const DATA_KEYS = ["user", "password", "market", "foreign_trader", "invoice", "free_stall"];
// The first desk load builds the boot info and fetches every asset: give it time.
const TIMEOUT = 30_000;
const TEST_TIMEOUT = 180_000;

function required(name, what) {
	const value = process.env[name];
	if (!value) {
		throw new Error(`${name} is not set: it must give ${what} (scripts/test-all.sh sets it)`);
	}
	return value;
}

// The last line of the log of `bench execute cho40.tests.e2e_setup.prepare` that is a JSON object.
function readData(file) {
	const lines = readFileSync(file, "utf8").split("\n").reverse();
	for (const line of lines) {
		let value;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		if (value && typeof value === "object" && !Array.isArray(value)) {
			const missing = DATA_KEYS.filter((key) => !value[key]);
			if (missing.length) {
				throw new Error(`${file}: the e2e data lacks ${missing.join(", ")}`);
			}
			return value;
		}
	}
	throw new Error(`${file} has no JSON line: log the output of e2e_setup.prepare there`);
}

function settings() {
	const baseURL = required("CHO40_BASE_URL", "the site's URL, e.g. http://dev.localhost:8000");
	const dataFile = required("CHO40_E2E_DATA", "the log of cho40.tests.e2e_setup.prepare");
	const screenshots = required("CHO40_SCREENSHOTS", "a folder for screenshots");
	mkdirSync(screenshots, { recursive: true });
	return {
		baseURL: baseURL.replace(/\/+$/, ""),
		data: readData(dataFile),
		screenshots,
	};
}

async function openBrowser(baseURL) {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
	});
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 900 },
	});
	context.setDefaultTimeout(TIMEOUT);
	context.setDefaultNavigationTimeout(TIMEOUT);
	return { browser, page: await context.newPage() };
}

// Logs in through the login form, the way a person does, and waits for the desk.
export async function logIn(page, { user, password }) {
	await page.goto("/login");
	await page.locator("#login_email").fill(user);
	await page.locator("#login_password").fill(password);
	await page.locator(".form-login .btn-login").click();
	await page.waitForURL(/\/app(\/|$)/);
	await page.locator(".navbar .dropdown-help").waitFor();
}

// Settings, a browser and (unless asked not to) a logged-in board manager for one test file.
// desk.test() declares a test that gets the desk and leaves a screenshot behind when it fails;
// desk.beforeClose may hold a clean-up that needs the page.
export function useDesk({ logIn: withLogIn = true } = {}) {
	const desk = {
		// Transitions finished, so that a dialog is shown as it ends up, not half faded in.
		async screenshot(name, options = {}) {
			const file = path.join(desk.screenshots, name);
			return desk.page.screenshot({ path: file, animations: "disabled", ...options });
		},
		test(name, run) {
			test(name, { timeout: TEST_TIMEOUT }, async () => {
				try {
					await run(desk);
				} catch (error) {
					const file = `failed-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}.png`;
					await desk.screenshot(file).catch(() => {});
					throw error;
				}
			});
		},
	};
	before(async () => {
		Object.assign(desk, settings());
		Object.assign(desk, await openBrowser(desk.baseURL));
		if (withLogIn) await logIn(desk.page, desk.data);
	});
	after(async () => {
		try {
			if (desk.page) await desk.beforeClose?.();
		} finally {
			await desk.browser?.close();
		}
	});
	return desk;
}

// A REST call made by the page, so with the session cookie of the logged-in user. (Node itself
// cannot resolve the *.localhost site names; Chromium can.)
export async function api(page, url, { method = "GET", body } = {}) {
	return page.evaluate(
		async ({ url, method, body }) => {
			const response = await fetch(url, {
				method,
				headers: {
					Accept: "application/json",
					"Content-Type": "application/json",
					"X-Frappe-CSRF-Token": window.frappe?.csrf_token ?? "",
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			let json = null;
			try {
				json = JSON.parse(text);
			} catch {}
			return { status: response.status, json, text };
		},
		{ url, method, body }
	);
}

// One control of the open desk form.
export function field(page, fieldname) {
	return page.locator(`.frappe-control[data-fieldname="${fieldname}"]`);
}

// Waits until the open form's document (or the last row of its child table) holds the value:
// links are checked with the server before they are set, and a save must not outrun that.
async function waitForValue(page, fieldname, value, table) {
	await page.waitForFunction(
		({ fieldname, value, table }) => {
			const doc = table ? window.cur_frm?.doc[table]?.at(-1) : window.cur_frm?.doc;
			return doc?.[fieldname] === value;
		},
		{ fieldname, value, table }
	);
}

const pageOf = (scope) => (typeof scope.page === "function" ? scope.page() : scope);

// Types into a Data control of the form, or of the open row of `table`.
export async function typeInto(scope, fieldname, value, table) {
	const input = scope.locator(`[data-fieldname="${fieldname}"] input`);
	await input.fill(value);
	await input.blur();
	await waitForValue(pageOf(scope), fieldname, value, table);
}

// Types into a Link control and picks the suggestion that shows `value`.
export async function pickLink(scope, fieldname, value, table) {
	const control = scope.locator(`.frappe-control[data-fieldname="${fieldname}"]`);
	await control.locator("input").fill(value);
	await control.getByRole("option", { name: value }).first().click();
	await waitForValue(pageOf(scope), fieldname, value, table);
}

// Translations of the app: cho40/translations/<language>.csv, lines of source,translation[,context].
export function appTranslations(language = "vi") {
	const file = new URL(`../cho40/translations/${language}.csv`, import.meta.url);
	let text;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		return new Map();
	}
	const translations = new Map();
	for (const line of text.split(/\r?\n/)) {
		const [source, translation, context] = csvCells(line);
		// A translation without context wins over one for a given context.
		if (translation && (!translations.has(source) || !context)) {
			translations.set(source, translation);
		}
	}
	return translations;
}

// The cells of one CSV line, quoted where they hold commas or quotes.
function csvCells(line) {
	const cells = [];
	for (const [, quoted, plain] of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) {
		cells.push(quoted === undefined ? plain : quoted.replaceAll('""', '"'));
	}
	return cells;
}
