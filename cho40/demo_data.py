"""Pure generators of realistic demo data for cho40 (no Frappe imports).

Every generator takes a ``random.Random`` so that a seeded demo run is reproducible.
Facts come from the project's research notes (markets.md, vn_bank_bins.json,
vn_bank_statement_layouts.json); anything reconstructed is said so in the docstring.
"""

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# ---------------------------------------------------------------- people

FAMILY_NAMES = {
	"Nguyễn": 14,
	"Hoàng": 12,
	"Nông": 9,
	"Triệu": 6,
	"Hà": 6,
	"Trần": 6,
	"Lê": 5,
	"Lục": 4,
	"Đàm": 4,
	"Ma": 4,
	"Lý": 4,
	"Phạm": 4,
	"Bế": 3,
	"Hứa": 3,
	"Lương": 3,
	"Dương": 3,
	"Vi": 2,
	"Lăng": 2,
	"Mã": 2,
	"Chu": 2,
	"Vũ": 2,
	"Đặng": 2,
	"La": 1,
	"Bùi": 1,
	"Đỗ": 1,
	"Ngô": 1,
}
MALE_MIDDLE_NAMES = {
	"Văn": 12,
	"Đức": 3,
	"Minh": 3,
	"Quang": 2,
	"Hữu": 2,
	"Xuân": 2,
	"Ngọc": 1,
	"Thanh": 1,
	"Công": 1,
}
FEMALE_MIDDLE_NAMES = {"Thị": 12, "Thu": 3, "Thanh": 2, "Ngọc": 2, "Hồng": 2, "Minh": 1, "Kim": 1, "Bích": 1}
MALE_GIVEN_NAMES = (
	"An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hùng", "Hưng", "Huy", "Khánh", "Kiên", "Long",
	"Mạnh", "Nam", "Phúc", "Quân", "Quý", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng",
	"Việt", "Vinh", "Vượng",
)  # fmt: skip
FEMALE_GIVEN_NAMES = (
	"Anh", "Bích", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Huệ", "Hương", "Lan",
	"Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thơm", "Thúy",
	"Trang", "Tuyết", "Vân", "Yến",
)  # fmt: skip


def _weighted(rng: random.Random, weights: dict):
	return rng.choices(list(weights), weights=list(weights.values()))[0]


def vietnamese_person_name(rng: random.Random, female: bool | None = None) -> str:
	"""Full name "Family Middle Given" as written in Bắc Kạn: many Tày/Nùng family names
	(Hoàng, Nông, Triệu, Lục, Đàm, Ma, Bế, Hứa…) beside the common Kinh ones, Văn/Thị
	middle names most often, occasionally two middle names for women (Nguyễn Thị Thu Hà)."""
	if female is None:
		female = rng.random() < 0.5
	family = _weighted(rng, FAMILY_NAMES)
	if female:
		middle = _weighted(rng, FEMALE_MIDDLE_NAMES)
		if middle == "Thị" and rng.random() < 0.15:
			middle += " " + _weighted(rng, {"Thu": 1, "Hồng": 1, "Ngọc": 1, "Kim": 1})
		return f"{family} {middle} {rng.choice(FEMALE_GIVEN_NAMES)}"
	return f"{family} {_weighted(rng, MALE_MIDDLE_NAMES)} {rng.choice(MALE_GIVEN_NAMES)}"


# ---------------------------------------------------------------- citizen ID (CCCD)

CCCD_PROVINCE_CODES = {
	"001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
	"010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
	"017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
	"025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
	"033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
	"038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
	"046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
	"054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
	"064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
	"072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
	"079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
	"086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
	"093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip
BIRTH_PROVINCE_WEIGHTS = {"006": 60, "019": 25, "020": 4, "004": 4, "008": 3, "001": 4}


def century_gender_digit(birth_year: int, female: bool) -> int:
	"""4th CCCD digit: 0/1 born 1900–1999 (male/female), 2/3 for 2000–2099, … up to 2399."""
	century_index = birth_year // 100 - 19
	if not 0 <= century_index <= 4:
		raise ValueError(f"birth year out of the CCCD range 1900–2399: {birth_year}")
	return 2 * century_index + (1 if female else 0)


def citizen_id(
	rng: random.Random, birth_year: int, female: bool | None = None, province_code: str | None = None
) -> str:
	"""12-digit CCCD (Circular 07/2016/TT-BCA, 59/2021/TT-BCA): 3-digit birth-registration
	province (the pre-2025 province codes; mostly 006 Bắc Kạn or 019 Thái Nguyên here),
	1 gender/century digit, 2-digit birth year, 6 random digits."""
	if female is None:
		female = rng.random() < 0.5
	province = province_code or _weighted(rng, BIRTH_PROVINCE_WEIGHTS)
	if province not in CCCD_PROVINCE_CODES:
		raise ValueError(f"not a CCCD province code: {province}")
	digit = century_gender_digit(birth_year, female)
	return f"{province}{digit}{birth_year % 100:02d}{_digits(rng, 6)}"


def _digits(rng: random.Random, count: int) -> str:
	return "".join(rng.choice("0123456789") for _ in range(count))


# ---------------------------------------------------------------- phones

MOBILE_PREFIXES = {
	"Viettel": ("032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"),
	"VinaPhone": ("081", "082", "083", "084", "085", "088", "091", "094"),
	"MobiFone": ("070", "076", "077", "078", "079", "089", "090", "093"),
	"Vietnamobile": ("052", "056", "058", "092"),
	"Gmobile": ("059", "099"),
	"iTel": ("087",),
}
NETWORK_WEIGHTS = {"Viettel": 55, "VinaPhone": 25, "MobiFone": 14, "Vietnamobile": 3, "Gmobile": 2, "iTel": 1}
MOBILE_NUMBER_PATTERN = re.compile(
	r"^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$"
)  # the prefixes in MOBILE_PREFIXES


def mobile_number(rng: random.Random) -> str:
	"""10-digit mobile number with a post-2018 prefix, weighted towards Viettel and
	VinaPhone, which dominate in the northern mountain provinces."""
	network = _weighted(rng, NETWORK_WEIGHTS)
	return rng.choice(MOBILE_PREFIXES[network]) + _digits(rng, 7)


# ---------------------------------------------------------------- bank accounts


@dataclass(frozen=True)
class AreaBank:
	short: str
	bin: str
	weight: int
	lengths: tuple[int, ...]
	leading: dict  # account length -> fixed leading digits


AREA_BANKS = (
	AreaBank("Agribank", "970405", 35, (13,), {}),
	AreaBank("BIDV", "970418", 20, (12, 13, 14), {}),
	AreaBank("VietinBank", "970415", 15, (12,), {12: "1"}),
	AreaBank("Vietcombank", "970436", 10, (10, 13), {10: "1", 13: "0"}),
	AreaBank("MB Bank", "970422", 12, (9, 10, 11, 12, 13), {}),
	AreaBank("LPBank (LienVietPostBank)", "970449", 8, (12,), {}),
)


def bank_account(rng: random.Random) -> tuple[str, str]:
	"""(BIN, account number) at a bank common in Bắc Kạn/Thái Nguyên. Lengths: Agribank 13,
	BIDV 12–14, VietinBank 12, Vietcombank 10 (new) or 13 (old, starts with 0), MB 9–13 (often
	the owner's phone number), LPBank 12 (unverified). Account numbers may start with 0."""
	bank = rng.choices(AREA_BANKS, weights=[bank.weight for bank in AREA_BANKS])[0]
	return bank.bin, _account_number(rng, bank)


def _account_number(rng: random.Random, bank: AreaBank) -> str:
	length = rng.choice(bank.lengths)
	if bank.short == "MB Bank" and length == 10 and rng.random() < 0.5:
		return mobile_number(rng)
	leading = bank.leading.get(length, str(rng.randint(1, 9)))
	return leading + _digits(rng, length - len(leading))


def area_bank_by_bin(bin_: str) -> AreaBank:
	return next(bank for bank in AREA_BANKS if bank.bin == bin_)


# ---------------------------------------------------------------- goods and stalls

GOODS_CATEGORIES = (
	"Fresh Food",
	"Vegetables and Fruit",
	"Dry Goods",
	"Clothing and Textiles",
	"Household Goods",
	"Food and Drink",
	"Local Specialties",
	"Other",
)
GOODS_WEIGHTS = (20, 20, 15, 12, 10, 12, 8, 3)


def goods_category(rng: random.Random) -> str:
	"""One of GOODS_CATEGORIES (English keys, translated by the app), weighted like a
	district market: fresh food and vegetables first."""
	return rng.choices(GOODS_CATEGORIES, weights=GOODS_WEIGHTS)[0]


@dataclass(frozen=True)
class StallType:
	name: str
	zone: str
	weight: int
	areas_m2: tuple[float, ...]
	open_sides: dict  # open sides -> weight
	rate_per_m2: dict  # open sides -> VND per m² per month


STALL_TYPES = (
	StallType(
		"Kiosk", "A", 20, (9.0, 10.5, 12.0, 13.5, 15.0, 16.0, 18.0, 20.0, 24.0),
		{1: 60, 2: 30, 3: 10}, {1: 36_000, 2: 40_000, 3: 45_000},
	),
	StallType(
		"Fixed Stall", "B", 45, (3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.5, 8.0),
		{1: 40, 2: 35, 3: 15, 4: 10}, {1: 24_000, 2: 27_000, 3: 30_000, 4: 33_000},
	),
	StallType(
		"Lot", "C", 25, (3.0, 4.0, 4.5, 6.0),
		{1: 25, 2: 35, 3: 20, 4: 20}, {1: 15_000, 2: 17_000, 3: 19_000, 4: 21_000},
	),
	StallType("Itinerant Spot", "D", 10, (2.0, 2.5, 3.0), {4: 1}, {4: 12_000}),
)  # fmt: skip
STALL_TYPE_BY_NAME = {stall_type.name: stall_type for stall_type in STALL_TYPES}
STALLS_PER_ROW = 10


def monthly_charge(stall_type: str, area_m2: float, open_sides: int) -> int:
	"""Area × rate per m² for the type and open sides, rounded half-up to 1,000 VND."""
	rate = STALL_TYPE_BY_NAME[stall_type].rate_per_m2[open_sides]
	thousands = (Decimal(str(area_m2)) * rate / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
	return int(thousands) * 1000


def stall_layout(rng: random.Random, n: int) -> list[dict]:
	"""n stalls in zones A (kiosks), B (fixed stalls in the hall), C (ground lots),
	D (itinerant spots), ten per row, coded "B3-07". Rates mirror markets.md: kiosks
	36,000–45,000 VND/m²/month by open sides (Vĩnh Phúc); fixed stalls from Vinh's floor of
	24,000; lots and itinerant spots lower (an itinerant spot of 2.5 m² ≈ 30,000/month ≈
	6 market days × 5,000 per entry). Bắc Kạn's own price table is not public."""
	chosen = rng.choices(STALL_TYPES, weights=[stall_type.weight for stall_type in STALL_TYPES], k=n)
	stalls = []
	for stall_type in STALL_TYPES:
		count = sum(1 for chosen_type in chosen if chosen_type is stall_type)
		stalls += [_stall(rng, stall_type, index) for index in range(count)]
	return stalls


def _stall(rng: random.Random, stall_type: StallType, index: int) -> dict:
	row, seat = divmod(index, STALLS_PER_ROW)
	area = rng.choice(stall_type.areas_m2)
	sides = _weighted(rng, stall_type.open_sides)
	return {
		"code": f"{stall_type.zone}{row + 1}-{seat + 1:02d}",
		"zone": stall_type.zone,
		"row": row + 1,
		"stall_type": stall_type.name,
		"area_m2": area,
		"open_sides": sides,
		"monthly_charge": monthly_charge(stall_type.name, area, sides),
	}


# ---------------------------------------------------------------- transfer descriptions


@dataclass(frozen=True)
class SenderBank:
	key: str
	bin: str
	label: str  # as written after "tai" in BIDV/VCB descriptions


SENDER_BANKS = {
	"VCB": SenderBank("VCB", "970436", "VCB"),
	"VTB": SenderBank("VTB", "970415", "VietinBank"),
	"BIDV": SenderBank("BIDV", "970418", "BIDV"),
	"AGR": SenderBank("AGR", "970405", "Agribank"),
	"MB": SenderBank("MB", "970422", "MSCBVNVX"),
	"TCB": SenderBank("TCB", "970407", "TCB"),
	"ACB": SenderBank("ACB", "970416", "ACB"),
	"STB": SenderBank("STB", "970403", "Sacombank"),
	"MOMO": SenderBank("MOMO", "971025", "MoMo"),
}
BANK_KEYS = {
	"vietcombank": "VCB",
	"vcb": "VCB",
	"vietinbank": "VTB",
	"vtb": "VTB",
	"icb": "VTB",
	"bidv": "BIDV",
	"agribank": "AGR",
	"vba": "AGR",
	"mbbank": "MB",
	"mb": "MB",
}
RECEIVING_NAMES = {"VCB": "Vietcombank", "VTB": "Vietinbank", "BIDV": "BIDV", "AGR": "AGRIBANK", "MB": "MB"}


def bank_key(bank_short: str) -> str | None:
	"""'Vietcombank' / 'VCB' -> 'VCB', 'MB Bank' -> 'MB', unknown -> None."""
	return BANK_KEYS.get(re.sub(r"[^a-z]", "", bank_short.casefold()))


def fold_to_ascii(text: str) -> str:
	"""Drop Vietnamese diacritics ('Đức Xuân' -> 'Duc Xuan'); other characters are kept."""
	text = text.replace("đ", "d").replace("Đ", "D")
	decomposed = unicodedata.normalize("NFD", text)
	return "".join(char for char in decomposed if not unicodedata.combining(char))


def _folded_name(rng: random.Random) -> str:
	return fold_to_ascii(vietnamese_person_name(rng)).upper()


def _random_moment(rng: random.Random) -> datetime:
	start = datetime(2025, 7, 1)
	return start + timedelta(seconds=rng.randrange(184 * 24 * 3600))


def _t24_reference(rng: random.Random, when: datetime) -> str:
	"""Techcombank/MB core reference FT + yy + day of year + 9 digits ('FT24254608201092')."""
	return f"FT{when:%y}{when.timetuple().tm_yday:03d}{_digits(rng, 9)}"


def _vcb_app(rng, content, when, receiving):
	"""VCB Digibank mobile: MBVCB.<10d>.<6d>.<content>.CT tu <acct> <NAME> toi <acct> <NAME> tai <BANK>."""
	bank = RECEIVING_NAMES.get(receiving, "Vietcombank")
	return "VCB", (
		f"MBVCB.{_digits(rng, 10)}.{_digits(rng, 6)}.{content}.CT tu 10{_digits(rng, 8)} {_folded_name(rng)}"
		f" toi {_digits(rng, 13)} {_folded_name(rng)} tai {bank}"
	)


def _t24_app(rng, content, when, receiving):
	"""Techcombank (also MB) appends the T24 reference: '<content> FT<14d>'."""
	return rng.choice(("TCB", "MB")), f"{content} {_t24_reference(rng, when)}"


def _acb_app(rng, content, when, receiving):
	"""ACB app: '<content>-ddmmyy-hh:mm:ss <6d trace>'."""
	return "ACB", f"{content}-{when:%d%m%y}-{when:%H:%M:%S} {_digits(rng, 6)}"


def _ibft(rng, content, when, receiving):
	"""Sacombank and others: 'IBFT <content>'."""
	return "STB", f"IBFT {content}"


def _agribank_ebanking(rng, content, when, receiving):
	"""Agribank e-banking: '<dest bank>;<dest account>;<content>'."""
	return "AGR", f"{RECEIVING_NAMES.get(receiving, 'BIDV')};{_digits(rng, 12)};{content}"


def _momo(rng, content, when, receiving):
	"""MoMo: '<11d>-<phone>-<content>'."""
	return "MOMO", f"{_digits(rng, 11)}-{mobile_number(rng)}-{content}"


def _plain(rng, content, when, receiving):
	"""Apps that pass the content through untouched (often '<NAME> chuyen tien')."""
	return rng.choice(("AGR", "BIDV", "VTB", "MB")), content


SENDER_STYLES = (_vcb_app, _t24_app, _acb_app, _ibft, _agribank_ebanking, _momo, _plain)


def _napas_trace(rng: random.Random, sender: SenderBank, when: datetime) -> str:
	"""'0200' + sender BIN + ddmmhhmmss + yyyy + 4 letters + 6 digits, as VCB/BIDV show it."""
	letters = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(4))
	return f"0200{sender.bin}{when:%d%m%H%M%S%Y}{letters}{_digits(rng, 6)}"


def _wrap_vcb(rng, text, when, sender):
	"""VCB receiving NAPAS transfers: '<6d>.<ddmmyy>.<hhmmss>.<text>' or '0200<BIN>….<5d>.<hhmmss>.<text>'."""
	if sender.key == "VCB":
		return text
	style = rng.randrange(3)
	if style == 0:
		return f"{_digits(rng, 6)}.{when:%d%m%y}.{when:%H%M%S}.{text}"
	if style == 1:
		return f"{_napas_trace(rng, sender, when)}.{_digits(rng, 5)}.{when:%H%M%S}.{text}"
	return text


def _wrap_vietinbank(rng, text, when, sender):
	"""VietinBank: 'CT nhanh 247 den: ', 'Chuyen tien den tu NAPAS Noi dung: ', '; thoi gian GD:…'."""
	if sender.key == "VTB":
		return text
	return rng.choice(
		(
			f"CT nhanh 247 den: {text}",
			f"Chuyen tien den tu NAPAS Noi dung: {text}",
			f"{text}; thoi gian GD:{when:%d/%m/%Y %H:%M:%S}",
			text,
		)
	)


def _wrap_bidv(rng, text, when, sender):
	"""BIDV NAPAS in: '<acct> TKThe :<acct> tai <BANK>. <text> -CTLNHIDI<15d>-1/1-CRE-002'
	or '… -B2B0200<BIN>…; thoi gian GD:dd/mm/yyyy hh:mm:ss'."""
	if sender.key in ("BIDV", "MOMO"):
		return text
	account = _digits(rng, rng.choice((10, 13, 14)))
	if rng.random() < 0.5:
		account = account[:-3] + "xxx"
	lead = f"{account} TKThe :{account} tai {sender.label}. "
	if rng.random() < 0.6:
		return f"{lead}{text} -CTLNHIDI{_digits(rng, 15)}-1/1-CRE-002"
	return f"{lead}{text} -B2B{_napas_trace(rng, sender, when)}; thoi gian GD:{when:%d/%m/%Y %H:%M:%S}"


def _wrap_mb(rng, text, when, sender):
	"""MB: '<text> - Ma giao dich/ Trace <6d>', then the core's hard wrap."""
	return _hard_wrap(f"{text} - Ma giao dich/ Trace {_digits(rng, 6)}", rng.randint(33, 36))


def _hard_wrap(text: str, width: int) -> str:
	"""MB's core inserts a space every ~35 characters, even inside numbers ('NNT2205 2025')."""
	return " ".join(text[start : start + width] for start in range(0, len(text), width))


RECEIVING_WRAPPERS = {"VCB": _wrap_vcb, "VTB": _wrap_vietinbank, "BIDV": _wrap_bidv, "MB": _wrap_mb}


def mangle_description(
	rng: random.Random, purpose: str, bank_short: str, when: datetime | None = None
) -> str:
	"""The transfer purpose as it shows up in the receiving bank's statement
	(vn_bank_statement_layouts.json, description_patterns): diacritics removed, often
	UPPERCASE, wrapped by a sending-app marker (MBVCB…CT tu…, FT<14d>, ACB -ddmmyy-hh:mm:ss,
	IBFT, Agribank '<bank>;<acct>;', MoMo) and by the receiving bank (VCB NAPAS trace,
	VietinBank 'CT nhanh 247 den:', BIDV 'TKThe :… -CTLNHIDI…', MB trace + hard wrap).
	Characters of the purpose are never dropped; only spaces may be inserted. Pass the
	transaction time as ``when`` so the timestamps inside match the statement row."""
	when = when or _random_moment(rng)
	receiving = bank_key(bank_short)
	content = " ".join(fold_to_ascii(purpose).split())
	if rng.random() < 0.5:
		content = content.upper()
	sender_key, text = rng.choice(SENDER_STYLES)(rng, content, when, receiving)
	wrapper = RECEIVING_WRAPPERS.get(receiving)
	return wrapper(rng, text, when, SENDER_BANKS[sender_key]) if wrapper else text


def statement_reference(rng: random.Random, bank_short: str, when: datetime) -> str:
	"""Reference as the bank prints it: VCB doc no '5285 - 82284', VietinBank transaction
	number '928K2611', MB/others T24 'FT25142156820926'."""
	key = bank_key(bank_short)
	if key == "VCB":
		return f"{_digits(rng, 4)} - {_digits(rng, 5)}"
	if key == "VTB":
		return f"{_digits(rng, 3)}{rng.choice('ABCDEFGHK')}{_digits(rng, 4)}"
	return _t24_reference(rng, when)


# ---------------------------------------------------------------- statement .xlsx


@dataclass
class Statement:
	rows: list  # chronological, each with a "balance"
	account_no: str
	account_name: str
	opening_balance: int
	start: datetime
	end: datetime

	@property
	def total_debit(self) -> int:
		return sum(row["debit"] for row in self.rows)

	@property
	def total_credit(self) -> int:
		return sum(row["credit"] for row in self.rows)

	@property
	def closing_balance(self) -> int:
		return self.opening_balance + self.total_credit - self.total_debit


def format_amount(value: int, zero: str = "") -> str:
	"""Amount as banks export it: text with ',' thousands ('5,270,776')."""
	return f"{value:,}" if value else zero


def _statement(rows, account_no, account_name, opening_balance) -> Statement:
	ordered = sorted(rows, key=lambda row: row["date"])
	balance, with_balance = opening_balance, []
	for row in ordered:
		balance += int(row.get("credit") or 0) - int(row.get("debit") or 0)
		with_balance.append(
			{
				**row,
				"credit": int(row.get("credit") or 0),
				"debit": int(row.get("debit") or 0),
				"balance": balance,
			}
		)
	start = ordered[0]["date"] if ordered else datetime(2025, 7, 1)
	end = ordered[-1]["date"] if ordered else start
	return Statement(with_balance, account_no, account_name, opening_balance, start, end)


def _put(ws, cell: str, value, bold: bool = False) -> None:
	ws[cell] = value
	ws[cell].alignment = Alignment(wrap_text=True, vertical="top")
	if bold:
		ws[cell].font = Font(bold=True)


def _put_row(ws, row: int, columns: str, values) -> None:
	for column, value in zip(columns, values, strict=True):
		ws[f"{column}{row}"] = value


VCB_COLUMNS = (
	"STT\nNo.",
	"Ngày1/\nTNX Date/ Số CT/ Doc No",
	"Ngày hiệu lực2/\nEffective date",
	"Số tiền ghi nợ/\nDebit",
	"Số tiền ghi có/\nCredit",
	"Số dư/\nBalance",
	"Nội dung chi tiết/\nTransactions in detail",
)
VCB_HEADER_ROW = 13


def _write_vcb_digibank(ws, statement: Statement) -> None:
	"""VCB_DIGIBANK_XLSX_2023plus (confidence high): sheet 'Vietcombank_Account_Statement',
	column A hidden, account block, header at row 13 (B..H), newest first; date and doc no
	share one cell ('04/08/2026\\n5285 - 82284'); footer wording is reconstructed."""
	ws.title = "Vietcombank_Account_Statement"
	ws.column_dimensions["A"].hidden = True
	_put(ws, "B2", "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM", bold=True)
	_put(ws, "B3", "SAO KÊ TÀI KHOẢN\nACCOUNT STATEMENT", bold=True)
	preamble = (
		("Ngày thực hiện/ Date:", f"{statement.end:%d/%m/%Y}"),
		("Tên tài khoản/ Account name:", statement.account_name),
		("Số tài khoản/ Account number:", statement.account_no),
		("Loại tiền/ Currency:", "VND"),
		("Từ/ From:", f"{statement.start:%d/%m/%Y}"),
		("Đến/ To:", f"{statement.end:%d/%m/%Y}"),
		("Số dư đầu kỳ/ Opening balance", f"{format_amount(statement.opening_balance, '0')} VND"),
	)
	for offset, (label, value) in enumerate(preamble):
		_put_row(ws, 5 + offset, "BC", (label, value))
	for column, header in zip("BCDEFGH", VCB_COLUMNS, strict=True):
		_put(ws, f"{column}{VCB_HEADER_ROW}", header, bold=True)
	for number, row in enumerate(reversed(statement.rows), start=1):
		_put_row(ws, VCB_HEADER_ROW + number, "BCDEFGH", _vcb_cells(number, row))
	_write_vcb_footer(ws, statement, VCB_HEADER_ROW + len(statement.rows) + 2)


def _vcb_cells(number: int, row: dict) -> tuple:
	return (
		number,
		f"{row['date']:%d/%m/%Y}\n{row.get('reference', '')}",
		f"{row['date']:%d/%m/%Y}",
		format_amount(row["debit"]),
		format_amount(row["credit"]),
		format_amount(row["balance"], "0"),
		row["description"],
	)


def _write_vcb_footer(ws, statement: Statement, first_row: int) -> None:
	lines = (
		(
			"Tổng số/ Total",
			format_amount(statement.total_debit, "0"),
			format_amount(statement.total_credit, "0"),
		),
		("Số dư cuối kỳ/ Closing balance", f"{format_amount(statement.closing_balance, '0')} VND", ""),
	)
	for offset, (label, debit, credit) in enumerate(lines):
		_put_row(ws, first_row + offset, "CEF", (label, debit, credit))
	notes = (
		"1 Ngày giao dịch: ngày khách hàng thực hiện giao dịch/ Transaction date",
		"2 Ngày hiệu lực: ngày giao dịch được hạch toán vào tài khoản/ Effective date",
		"Sao kê được xuất từ VCB Digibank, chỉ có giá trị tham khảo./ "
		"This statement is exported from VCB Digibank for reference only.",
	)
	for offset, note in enumerate(notes, start=3):
		_put(ws, f"B{first_row + offset}", note)


VIETINBANK_COLUMNS = (
	"STT/No.",
	"Ngày hạch toán/Accounting date",
	"Mô tả giao dịch/ Transaction description",
	"Nợ/ Debit",
	"Có / Credit",
	"Số dư TK/ Account Balance",
	"Số giao dịch/ Transaction number",
	"Số tài khoản đối ứng/ Corresponsive account",
	"Tên tài khoản đối ứng/ Corresponsive name",
	"MTID/ CITAD",
	"Mã định danh TK thụ hưởng/ To virtual account",
	"Ngày phát sinh giao dịch/ Transaction date",
)
VIETINBANK_HEADER_ROW = 25


def _write_vietinbank_efast(ws, statement: Statement) -> None:
	"""VTB_EFAST_IPAY_XLSX (confidence high): title block with totals, header at row 25
	(12 bilingual columns in the S13/S14 order), dates 'dd-mm-yyyy HH:MM:SS', closing note."""
	titles = (
		(1, "LỊCH SỬ GIAO DỊCH - TRANSACTION HISTORY"),
		(2, "NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM"),
		(3, "VIETINBANK"),
		(5, "1. Thông tin tài khoản/ Account information"),
		(23, "2. Chi tiết lịch sử giao dịch/ Transaction history detail"),
	)
	for row, title in titles:
		_put(ws, f"A{row}", title, bold=True)
	for offset, (label, value) in enumerate(_vietinbank_summary(statement)):
		_put_row(ws, 6 + offset, "AD", (label, value))
	for column, header in enumerate(VIETINBANK_COLUMNS, start=1):
		ws.cell(VIETINBANK_HEADER_ROW, column, header).font = Font(bold=True)
	for number, row in enumerate(statement.rows, start=1):
		for column, value in enumerate(_vietinbank_cells(number, row), start=1):
			ws.cell(VIETINBANK_HEADER_ROW + number, column, value)
	note_row = VIETINBANK_HEADER_ROW + len(statement.rows) + 2
	_put(ws, f"A{note_row}", "Từ ngày 21/03/2025, VietinBank thực hiện cập nhật lại báo cáo sao kê…")


def _vietinbank_summary(statement: Statement) -> tuple:
	credits = sum(1 for row in statement.rows if row["credit"])
	return (
		("Công ty/Company name:", statement.account_name),
		("Số tài khoản/ Account No.:", statement.account_no),
		("Loại tiền/ Currency:", "VND"),
		("Từ ngày/ From date:", f"{statement.start:%d-%m-%Y}"),
		("Đến ngày/ To date:", f"{statement.end:%d-%m-%Y}"),
		("Số dư đầu kỳ/Opening Balance:", format_amount(statement.opening_balance, "0")),
		("Số dư cuối kỳ/Closing Balance:", format_amount(statement.closing_balance, "0")),
		("Tổng giá trị ghi có/ Total credits:", format_amount(statement.total_credit, "0")),
		("Tổng giá trị ghi nợ/ Total debits:", format_amount(statement.total_debit, "0")),
		("Tổng số giao dịch ghi có/ Total number of credit :", credits),
		("Tổng số giao dịch ghi nợ/ Total number of debits:", len(statement.rows) - credits),
	)


def _vietinbank_cells(number: int, row: dict) -> tuple:
	stamp = f"{row['date']:%d-%m-%Y %H:%M:%S}"
	return (
		number,
		stamp,
		row["description"],
		format_amount(row["debit"]),
		format_amount(row["credit"]),
		format_amount(row["balance"], "0"),
		row.get("reference", ""),
		row.get("counterparty_account", ""),
		row.get("counterparty", ""),
		"",
		"",
		stamp,
	)


MB_HEADERS = {
	"A": "STT",
	"D": "NGÀY GIAO DỊCH",
	"G": "NGÀY HẠCH TOÁN",
	"H": "PHÁT SINH NỢ",
	"I": "PHÁT SINH CÓ",
	"J": "SỐ DƯ",
	"L": "ĐƠN VỊ THỤ HƯỞNG/ĐƠN VỊ CHUYỂN",
	"M": "NỘI DUNG",
	"R": "BÚT TOÁN",
}
MB_MERGES = (("A", "C"), ("D", "F"), ("J", "K"), ("M", "Q"), ("R", "T"))
MB_HEADER_ROW = 7


def _write_mb_business(ws, statement: Statement) -> None:
	"""MB_BIZ_XLSX (confidence high, a real export): sheet 'Thông tin giao dịch', merged
	cells, header at row 7, newest first, 'dd/mm/yyyy HH:MM:SS', zero written as '0',
	'TỔNG TIỀN' totals, closing balance and the bank's disclaimer (amount in words left out;
	the branch line is a placeholder)."""
	ws.title = "Thông tin giao dịch"
	_put(ws, "F1", "SAO KÊ CHI TIẾT TÀI KHOẢN\nAccount Statement", bold=True)
	_put(ws, "O1", "NGÂN HÀNG TMCP QUÂN ĐỘI\nMilitary Commercial Joint Stock Bank", bold=True)
	_put(
		ws,
		"F2",
		f"Từ ngày/From:{statement.start:%d/%m/%Y} 00:00:00 Đến ngày/To:{statement.end:%d/%m/%Y} 23:59:59",
	)
	_put(ws, "O2", " Chi nhánh/Branch: VN0010003 - CN THÁI NGUYÊN")
	_put(ws, "A4", f"Tên khách hàng/Customer name: {statement.account_name}\n\nMã khách hàng/Customer code: ")
	_put(ws, "Q4", f"Tài khoản/Account No: {statement.account_no}\n\nLoại tiền/Currency: VND")
	opening = format_amount(statement.opening_balance, "0")
	_put(ws, "C6", f"Số dư đầu kỳ/ Opening Balance: {opening} VND")
	for column, header in MB_HEADERS.items():
		_put(ws, f"{column}{MB_HEADER_ROW}", header, bold=True)
	for number, row in enumerate(reversed(statement.rows), start=1):
		_write_mb_row(ws, MB_HEADER_ROW + number, number, row)
	for row in range(MB_HEADER_ROW, MB_HEADER_ROW + len(statement.rows) + 1):
		for first, last in MB_MERGES:
			ws.merge_cells(f"{first}{row}:{last}{row}")
	_write_mb_footer(ws, statement, MB_HEADER_ROW + len(statement.rows) + 1)


def _write_mb_row(ws, sheet_row: int, number: int, row: dict) -> None:
	values = (
		number,
		f"{row['date']:%d/%m/%Y %H:%M:%S}",
		f"{row['date']:%d/%m/%Y}",
		format_amount(row["debit"], "0"),
		format_amount(row["credit"], "0"),
		format_amount(row["balance"], "0"),
		row.get("counterparty", ""),
		row["description"],
		row.get("reference", ""),
	)
	_put_row(ws, sheet_row, "ADGHIJLMR", values)


def _write_mb_footer(ws, statement: Statement, first_row: int) -> None:
	_put(ws, f"G{first_row}", "TỔNG TIỀN", bold=True)
	_put_row(
		ws,
		first_row,
		"HI",
		(format_amount(statement.total_debit, "0"), format_amount(statement.total_credit, "0")),
	)
	closing = format_amount(statement.closing_balance, "0")
	_put(ws, f"A{first_row + 1}", f"Số dư cuối kỳ/ Closing Balance: {closing} VND")
	_put(
		ws,
		f"A{first_row + 2}",
		"Chứng từ này được xuất tự động từ hệ thống của Ngân hàng TMCP Quân đội./ "
		"This document is automatically exported from MBBank's System",
	)


STATEMENT_WRITERS = {"VCB": _write_vcb_digibank, "VTB": _write_vietinbank_efast, "MB": _write_mb_business}
STATEMENT_BANKS = ("Vietcombank", "VietinBank", "MB Bank")


def write_statement_xlsx(
	path,
	rows: list[dict],
	account_no: str,
	bank_short: str,
	account_name: str = "BAN QUAN LY CHO",
	opening_balance: int = 0,
) -> Path:
	"""Write a statement export as the bank's own .xlsx: Vietcombank (VCB Digibank 2023+),
	VietinBank (eFAST 'Lịch sử giao dịch') or MB Bank (corporate 'Sao kê chi tiết'); see
	the _write_* docstrings for what each mirrors. Rows: {date: datetime, description,
	credit: int, debit: int, reference: str, counterparty?: str}. Amounts are text with ','
	thousands. Other banks raise ValueError (their Excel layouts are not known)."""
	writer = STATEMENT_WRITERS.get(bank_key(bank_short))
	if writer is None:
		raise ValueError(f"no known statement layout for {bank_short!r}; use one of {STATEMENT_BANKS}")
	workbook = Workbook()
	writer(workbook.active, _statement(rows, account_no, account_name, opening_balance))
	workbook.save(path)
	return Path(path)
