import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { logIn, openBrowser, settings, TEST_TIMEOUT } from "./support.mjs";

let config;
let browser;
let page;

before(async () => {
	config = settings();
	({ browser, page } = await openBrowser(config.baseURL));
});

after(async () => {
	await browser?.close();
});

test("a market board manager logs in through the login form and lands in the desk", { timeout: TEST_TIMEOUT }, async () => {
	await logIn(page, config.data);

	assert.match(new URL(page.url()).pathname, /^\/app(\/|$)/);
	assert.equal(await page.locator("#login_email").count(), 0, "the login form is gone");
	// The desk speaks the user's language, Vietnamese: "Help" reads "Trợ giúp".
	assert.equal((await page.locator(".navbar .dropdown-help").innerText()).trim(), "Trợ giúp");
	const session = await page.evaluate(() => frappe.session.user);
	assert.equal(session, config.data.user);
});
