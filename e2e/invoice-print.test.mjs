import assert from "node:assert/strict";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { api, useDesk } from "./support.mjs";

const desk = useDesk();

function decodeQr(dataUri) {
	const png = PNG.sync.read(Buffer.from(dataUri.split(",")[1], "base64"));
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

desk.test("prints an invoice with its VietQR", async ({ page, data, screenshot }) => {
	const invoice = await api(page, `/api/resource/Sales Invoice/${data.invoice}`);
	assert.equal(invoice.status, 200);
	const paymentCode = invoice.json.data.cho40_payment_code;
	assert.ok(paymentCode, "the invoice has a payment code");

	const query = new URLSearchParams({
		doctype: "Sales Invoice",
		name: data.invoice,
		format: "Cho40 Invoice",
		no_letterhead: "1",
	});
	await page.goto(`/printview?${query}`);

	const qr = page.locator("img.cho40-vietqr");
	await qr.waitFor({ state: "visible" });
	const src = await qr.getAttribute("src");
	assert.match(src, /^data:image\/png;base64,/);
	assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR shows");
	await page.getByText(data.invoice, { exact: true }).waitFor();
	await page.getByText(paymentCode).first().waitFor();

	const payload = decodeQr(src);
	assert.ok(payload, "the QR decodes");
	assert.ok(payload.startsWith("000201"), `EMVCo payload: ${payload}`);
	assert.ok(payload.includes("0208QRIBFTTA"), `NAPAS transfer to an account: ${payload}`);
	assert.ok(payload.includes(paymentCode), `payment code ${paymentCode} in ${payload}`);

	await screenshot("invoice-print.png", { fullPage: true });
});
