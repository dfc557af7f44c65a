import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { api, logIn, openBrowser, settings, TEST_TIMEOUT } from "./support.mjs";

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

function decodeQr(dataUri) {
	const png = PNG.sync.read(Buffer.from(dataUri.split(",")[1], "base64"));
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("the invoice prints with the Cho40 Invoice format and a VietQR to pay it", { timeout: TEST_TIMEOUT }, async () => {
	const { invoice } = config.data;
	const response = await api(page, `/api/resource/Sales Invoice/${encodeURIComponent(invoice)}`);
	assert.equal(response.status, 200);
	const paymentCode = response.json.data.cho40_payment_code;
	assert.ok(paymentCode, "the invoice has a payment code");

	const query = new URLSearchParams({
		doctype: "Sales Invoice",
		name: invoice,
		format: "Cho40 Invoice",
		no_letterhead: "1",
	});
	await page.goto(`/printview?${query}`);

	const qr = page.locator("img.cho40-vietqr");
	await qr.waitFor({ state: "visible" });
	const src = await qr.getAttribute("src");
	assert.match(src, /^data:image\/png;base64,/);
	assert.ok((await qr.evaluate((img) => img.complete && img.naturalWidth)) > 0, "the QR image loaded");
	await page.getByText(invoice, { exact: true }).waitFor();
	await page.getByText(paymentCode).first().waitFor();

	const payload = decodeQr(src);
	assert.ok(payload, "the QR image decodes");
	assert.ok(payload.startsWith("000201"), `EMVCo payload: ${payload}`);
	assert.ok(payload.includes("0208QRIBFTTA"), `NAPAS transfer to an account: ${payload}`);
	assert.ok(payload.includes(paymentCode), `payment code ${paymentCode} in ${payload}`);

	await page.screenshot({ path: config.screenshot("invoice-print.png"), fullPage: true });
});
