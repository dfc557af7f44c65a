import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { api, field, logIn, openBrowser, settings, TEST_TIMEOUT } from "./support.mjs";

// The foreign trader's name as cho40/tests/e2e_setup.py makes it, unless the data gives it.
const FOREIGN_TRADER_NAME = "Hoàng Văn Lục";

let config;
let browser;
let page;

before(async () => {
	config = settings();
	({ browser, page } = await openBrowser(config.baseURL));
	await logIn(page, config.data);
});

after(async () => {
	await browser?.close();
});

test("a board manager cannot open a trader of another market", { timeout: TEST_TIMEOUT }, async () => {
	const { foreign_trader: foreign } = config.data;
	const foreignName = config.data.foreign_trader_name ?? FOREIGN_TRADER_NAME;
	await page.goto(`/app/trader/${foreign}`);

	const dialog = page.locator(".modal.show");
	await dialog.waitFor();
	assert.match(await dialog.locator(".modal-title").innerText(), /không được phép|not permitted/i);
	await page.screenshot({ path: config.screenshot("foreign-trader.png") });

	assert.equal(await page.locator(".form-layout:visible").count(), 0, "no trader form is shown");
	assert.equal(await field(page, "citizen_id").filter({ visible: true }).count(), 0);
	assert.ok(!(await page.locator("body").innerText()).includes(foreignName));
});

test("the REST API gives a board manager only the traders of their own market", { timeout: TEST_TIMEOUT }, async () => {
	const { foreign_trader: foreign, market } = config.data;

	const one = await api(page, `/api/resource/Trader/${foreign}`);
	assert.equal(one.status, 403, one.text.slice(0, 300));

	const fields = encodeURIComponent(JSON.stringify(["name", "market"]));
	const list = await api(page, `/api/resource/Trader?fields=${fields}&limit_page_length=0`);
	assert.equal(list.status, 200);
	const traders = list.json.data;
	assert.ok(traders.length > 0, "the board manager sees their own market's traders");
	assert.deepEqual([...new Set(traders.map((trader) => trader.market))], [market]);
	assert.ok(!traders.some((trader) => trader.name === foreign));
});
