import assert from "node:assert/strict";
import { api, field, useDesk } from "./support.mjs";

const desk = useDesk();

desk.test("cannot open a trader of another market", async ({ page, data, screenshot }) => {
	await page.goto(`/app/trader/${data.foreign_trader}`);

	const dialog = page.locator(".modal.show");
	await dialog.waitFor();
	const title = await dialog.locator(".modal-title").innerText();
	assert.match(title, /không được phép|not permitted/i);
	await screenshot("foreign-trader.png");

	assert.equal(await page.locator(".form-layout").filter({ visible: true }).count(), 0);
	assert.equal(await field(page, "citizen_id").filter({ visible: true }).count(), 0);
	const shown = await page.locator("body").innerText();
	const name = data.foreign_trader_name;
	assert.ok(name, "the setup data names the foreign trader");
	assert.ok(!shown.includes(name), `${name} is not shown`);
});

desk.test("REST gives only the own market's traders", async ({ page, data }) => {
	const foreign = await api(page, `/api/resource/Trader/${data.foreign_trader}`);
	assert.equal(foreign.status, 403, foreign.text.slice(0, 300));

	const fields = encodeURIComponent(JSON.stringify(["name", "market"]));
	const list = await api(page, `/api/resource/Trader?fields=${fields}&limit_page_length=0`);
	assert.equal(list.status, 200);
	const traders = list.json.data;
	assert.ok(traders.length > 0, "the board manager sees their own market's traders");
	assert.deepEqual([...new Set(traders.map((trader) => trader.market))], [data.market]);
	assert.ok(!traders.some((trader) => trader.name === data.foreign_trader));
});
