import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { api, appTranslations, field, pickLink, typeInto, useDesk } from "./support.mjs";

const desk = useDesk();
const vi = appTranslations("vi");

const pick = (list) => list[randomInt(list.length)];
const digits = (count) => Array.from({ length: count }, () => randomInt(10)).join("");

// Four-word names from a large pool, so that namesakes are rare even after many runs.
function traderName() {
	const family = pick(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ"]);
	const middle = pick(["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Hữu"]);
	const words = (
		"Thu Hồng Minh Thanh Bích Kim Xuân Hải Quốc Anh Phương Lan Tuấn Hà Nhung Yến Dũng Lượng " +
		"Quỳnh Trang Hiếu Khánh Long Nga Oanh Phúc Sơn Tâm Đào Việt"
	).split(" ");
	const first = pick(words);
	const last = pick(words.filter((word) => word !== first));
	return `${family} ${middle} ${first} ${last}`;
}

// A valid 12-digit CCCD: province 006 (Bắc Kạn), born in the 1900s (0 male, 1 female).
function citizenId() {
	return `006${randomInt(2)}${randomInt(50, 100)}${digits(6)}`;
}

async function newTrader(page, name, market) {
	await page.goto("/app/trader/new");
	await page.waitForURL(/\/app\/trader\/new-trader-/);
	await typeInto(page, "trader_name", name);
	await pickLink(page, "market", market);
}

async function label(page, fieldname) {
	return (await field(page, fieldname).locator(".control-label").innerText()).trim();
}

desk.test("registers a trader in the Vietnamese form", async ({ page, data, screenshot }) => {
	const name = traderName();
	await newTrader(page, name, data.market);

	// The form speaks Vietnamese: Frappe's own words, and the app's labels from vi.csv.
	assert.equal((await page.locator(".page-head .primary-action").innerText()).trim(), "Lưu");
	const nameLabel = await label(page, "trader_name");
	if (vi.has("Trader Name")) {
		assert.equal(nameLabel, vi.get("Trader Name"));
	} else {
		assert.notEqual(nameLabel, "Trader Name", "cho40/translations/vi.csv lacks 'Trader Name'");
	}

	await typeInto(page, "citizen_id", citizenId());
	await typeInto(page, "mobile_no", `09${digits(8)}`);

	const account = digits(13);
	await field(page, "bank_accounts").locator(".grid-add-row").click();
	const bankRow = field(page, "bank_accounts").locator('.grid-row[data-idx="1"]');
	await bankRow.locator('.grid-static-col[data-fieldname="bank"]').click();
	await pickLink(bankRow, "bank", "Agribank", "bank_accounts");
	await bankRow.locator('.grid-static-col[data-fieldname="account_number"]').click();
	await typeInto(bankRow, "account_number", account, "bank_accounts");

	await field(page, "stalls").locator(".grid-add-row").click();
	const stallRow = field(page, "stalls").locator('.grid-row[data-idx="1"]');
	await stallRow.locator('.grid-static-col[data-fieldname="stall"]').click();
	await pickLink(stallRow, "stall", data.free_stall, "stalls");

	await page.keyboard.press("Control+s");
	await page.waitForURL(/\/app\/trader\/TTH-\d{5}$/);
	const saved = decodeURIComponent(page.url().split("/").pop());
	// Give the stall back afterwards, so that the suite can run again on the same e2e data.
	const noStalls = { method: "PUT", body: { stalls: [] } };
	desk.beforeClose = () => api(page, `/api/resource/Trader/${saved}`, noStalls);

	await page.locator("#navbar-breadcrumbs").getByText(saved).waitFor();
	assert.equal((await page.locator(".page-head .title-text").innerText()).trim(), name);
	await bankRow.getByText(account).waitFor();
	await stallRow.getByText(data.free_stall).waitFor();

	// Saving made the ERPNext Customer that invoices go to; it sits in the collapsed Links section.
	const customer = field(page, "customer");
	if (!(await customer.isVisible())) {
		await page.locator('[data-fieldname="links_section"] .section-head').click();
	}
	const customerLink = customer.locator('a[data-doctype="Customer"]');
	await customerLink.waitFor();
	// The Customer carries the trader's code (names repeat in a market) and the trader's full name.
	assert.equal((await customerLink.innerText()).trim(), saved);
	const customerDoc = await api(page, `/api/resource/Customer/${encodeURIComponent(saved)}`);
	assert.equal(customerDoc.status, 200, customerDoc.text.slice(0, 300));
	assert.equal(customerDoc.json.data.customer_name, name);

	await screenshot("trader-form.png", { fullPage: true });
});

desk.test("refuses an invalid CCCD and saves nothing", async ({ page, data, screenshot }) => {
	const name = traderName();
	const filters = encodeURIComponent(JSON.stringify([["trader_name", "=", name]]));
	const namesakes = async () =>
		(await api(page, `/api/resource/Trader?filters=${filters}`)).json.data;
	const before = await namesakes();
	await newTrader(page, name, data.market);
	await typeInto(page, "citizen_id", "12345");
	await page.keyboard.press("Control+s");

	const dialog = page.locator(".modal.show");
	await dialog.waitFor();
	// "Invalid {0}" with the field's label as the form shows it; ERPNext has "Không hợp lệ {0}".
	const title = (await dialog.locator(".modal-title").innerText()).trim();
	const invalid = vi.get("Invalid {0}") ?? "Không hợp lệ {0}";
	assert.equal(title, invalid.replace("{0}", await label(page, "citizen_id")));
	assert.match(title, /CCCD/);
	const message = vi.get("Citizen ID {0} must have exactly 12 digits") ?? "{0}";
	const body = await dialog.locator(".modal-body").innerText();
	assert.ok(body.includes(message.replace("{0}", "12345")), body);
	await screenshot("trader-invalid-cccd.png");

	assert.match(page.url(), /\/app\/trader\/new-trader-/);
	await page.locator(".page-head .indicator-pill").getByText("Chưa lưu").waitFor();
	assert.deepEqual(await namesakes(), before, "no trader was saved");
});
