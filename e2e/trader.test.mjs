import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { after, before, test } from "node:test";
import {
	api,
	appTranslations,
	field,
	logIn,
	openBrowser,
	pickLink,
	settings,
	TEST_TIMEOUT,
	typeInto,
} from "./support.mjs";

let config;
let browser;
let page;
let savedTrader;

const pick = (list) => list[randomInt(list.length)];
const digits = (count) => Array.from({ length: count }, () => randomInt(10)).join("");

function traderName() {
	const family = pick(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"]);
	const middle = pick(["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thu"]);
	const given = pick(["Hồng Nhung", "Thu Hà", "Quỳnh", "Tuấn", "Hải Yến", "Lượng", "Dũng"]);
	return `${family} ${middle} ${given}`;
}

// A valid 12-digit CCCD: province 006 (Bắc Kạn), born in the 1900s (0 male, 1 female).
function citizenId() {
	return `006${randomInt(2)}${randomInt(50, 100)}${digits(6)}`;
}

async function newTrader(name) {
	await page.goto("/app/trader/new");
	await page.waitForURL(/\/app\/trader\/new-trader-/);
	await typeInto(page, "trader_name", name);
	await pickLink(page, "market", config.data.market);
}

before(async () => {
	config = settings();
	({ browser, page } = await openBrowser(config.baseURL));
	await logIn(page, config.data);
});

after(async () => {
	// Give the stall back, so that the suite can run again with the same e2e data.
	if (savedTrader) {
		await api(page, `/api/resource/Trader/${savedTrader}`, { method: "PUT", body: { stalls: [] } });
	}
	await browser?.close();
});

test("a board manager registers a trader through the Vietnamese form", { timeout: TEST_TIMEOUT }, async () => {
	const name = traderName();
	await newTrader(name);

	// The form speaks Vietnamese: Frappe's own words, and the app's labels from vi.csv.
	assert.equal((await page.locator(".page-head .primary-action").innerText()).trim(), "Lưu");
	const label = (await field(page, "trader_name").locator(".control-label").innerText()).trim();
	const expected = appTranslations("vi").get("Trader Name");
	if (expected) {
		assert.equal(label, expected);
	} else {
		assert.notEqual(label, "Trader Name", "cho40/translations/vi.csv has no 'Trader Name'");
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
	await pickLink(stallRow, "stall", config.data.free_stall, "stalls");

	await page.keyboard.press("Control+s");
	await page.waitForURL(/\/app\/trader\/TTH-\d{5}$/);
	savedTrader = decodeURIComponent(page.url().split("/").pop());

	const breadcrumbs = page.locator("#navbar-breadcrumbs");
	await breadcrumbs.getByText(savedTrader).waitFor();
	assert.match(savedTrader, /^TTH-\d{5}$/);
	assert.equal((await page.locator(".page-head .title-text").innerText()).trim(), name);
	await bankRow.getByText(account).waitFor();
	await stallRow.getByText(config.data.free_stall).waitFor();

	// Saving made the ERPNext Customer that invoices go to; it sits in the collapsed Links section.
	const customer = field(page, "customer");
	if (!(await customer.isVisible())) {
		await page.locator('[data-fieldname="links_section"] .section-head').click();
	}
	const customerLink = customer.locator('a[data-doctype="Customer"]');
	await customerLink.waitFor();
	assert.ok((await customerLink.innerText()).startsWith(name), "the Customer is named after the trader");

	await page.screenshot({ path: config.screenshot("trader-form.png"), fullPage: true });
});

test("an invalid citizen ID is refused with a Vietnamese message and nothing is saved", { timeout: TEST_TIMEOUT }, async () => {
	const name = traderName();
	await newTrader(name);
	await typeInto(page, "citizen_id", "12345");
	await page.keyboard.press("Control+s");

	const dialog = page.locator(".modal.show");
	await dialog.waitFor();
	// "Invalid {0}" with the field's label, as the form shows it; ERPNext has "Không hợp lệ {0}".
	const vi = appTranslations("vi");
	const label = (await field(page, "citizen_id").locator(".control-label").innerText()).trim();
	const invalid = vi.get("Invalid {0}") ?? "Không hợp lệ {0}";
	const title = (await dialog.locator(".modal-title").innerText()).trim();
	assert.equal(title, invalid.replace("{0}", label));
	assert.match(title, /CCCD/);
	const message = vi.get("Citizen ID {0} must have exactly 12 digits") ?? "{0}";
	assert.ok((await dialog.locator(".modal-body").innerText()).includes(message.replace("{0}", "12345")));
	await page.screenshot({ path: config.screenshot("trader-invalid-cccd.png") });

	assert.match(page.url(), /\/app\/trader\/new-trader-/);
	await page.locator(".page-head .indicator-pill").getByText("Chưa lưu").waitFor();
	const filters = JSON.stringify([["trader_name", "=", name], ["citizen_id", "like", "%12345%"]]);
	const found = await api(page, `/api/resource/Trader?filters=${encodeURIComponent(filters)}`);
	assert.equal(found.status, 200);
	assert.deepEqual(found.json.data, [], "no trader was saved");
});
