import assert from "node:assert/strict";
import { logIn, useDesk } from "./support.mjs";

const desk = useDesk({ logIn: false });

desk.test("board manager logs in through the login form", async ({ page, data }) => {
	await logIn(page, data);

	assert.match(new URL(page.url()).pathname, /^\/app(\/|$)/, "lands in the desk");
	assert.equal(await page.locator("#login_email").count(), 0, "the login form is gone");
	// The desk speaks the user's language, Vietnamese: "Help" reads "Trợ giúp".
	const help = await page.locator(".navbar .dropdown-help").innerText();
	assert.equal(help.trim(), "Trợ giúp");
	assert.equal(await page.evaluate(() => frappe.session.user), data.user);
});
