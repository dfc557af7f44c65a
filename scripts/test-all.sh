#!/usr/bin/env bash
# Runs every cho40 test: plain unit tests, Frappe integration tests on a throwaway site, the demo
# (twice, to prove it is idempotent) and the browser tests. Prints "N passed, M failed".
#
# Needs an existing Frappe v15 + ERPNext v15 bench (README → Prerequisites); never builds one.
#   CHO40_BENCH             bench folder            (default /home/frappe/frappe-bench)
#   CHO40_BENCH_USER        user that owns it       (default frappe)
#   CHO40_DB_ROOT_PASSWORD  MariaDB root password   (default cho40root; set on first run if unset)
#   CHO40_KEEP_SITE=1       keep the test site for inspection
#   CHO40_SKIP_BROWSER=1    skip the browser tests
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${CHO40_BENCH:-/home/frappe/frappe-bench}
BENCH_USER=${CHO40_BENCH_USER:-frappe}
DB_ROOT_PASSWORD=${CHO40_DB_ROOT_PASSWORD:-cho40root}
SITE="cho40-ci-$(date +%s).localhost"
PORT=${CHO40_TEST_PORT:-8011}
LOGS=$(mktemp -d /tmp/cho40-ci.XXXXXX)
chmod 755 "$LOGS"
PASSED=0
FAILED=0

say() { printf '\n=== %s\n' "$*"; }
die() { echo "cho40 tests: $*" >&2; exit 1; }
as_bench() {
	if [ "$(id -un)" = "$BENCH_USER" ]; then bash -c "$1"; else su "$BENCH_USER" -s /bin/bash -c "$1"; fi
}
bench_cmd() { as_bench "cd '$BENCH' && PATH=/usr/local/bin:/usr/bin:/bin:\$PATH bench $*"; }
count() { PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); echo "-> $1 passed, $2 failed"; }

[ -x "$BENCH/env/bin/python" ] && [ -d "$BENCH/apps/frappe" ] && [ -d "$BENCH/apps/erpnext" ] ||
	die "no Frappe v15 bench with ERPNext at $BENCH. Build one first (README → Prerequisites); the tests never build Frappe or ERPNext. Set CHO40_BENCH to use another folder."
id "$BENCH_USER" >/dev/null 2>&1 || die "bench user $BENCH_USER does not exist (set CHO40_BENCH_USER)"

start_services() {
	local missing=()
	command -v mariadbd >/dev/null || command -v mysqld >/dev/null || missing+=(mariadb-server mariadb-client)
	command -v redis-server >/dev/null || missing+=(redis-server)
	[ -n "${CHO40_SKIP_BROWSER:-}" ] || command -v chromium >/dev/null || missing+=(chromium)
	if [ ${#missing[@]} -gt 0 ]; then
		[ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (Debian packages) or run as root"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
			die "could not install ${missing[*]}"
	fi
	if [ "$(id -u)" = 0 ] && [ -d /etc/mysql/mariadb.conf.d ] && [ ! -f /etc/mysql/mariadb.conf.d/99-cho40.cnf ]; then
		printf '[mysqld]\ncharacter-set-client-handshake = FALSE\ncharacter-set-server = utf8mb4\ncollation-server = utf8mb4_unicode_ci\ninnodb_flush_log_at_trx_commit = 2\n\n[mysql]\ndefault-character-set = utf8mb4\n' \
			>/etc/mysql/mariadb.conf.d/99-cho40.cnf
	fi
	if ! mariadb-admin ping >/dev/null 2>&1; then
		service mariadb start >/dev/null 2>&1 || (mysqld_safe >/dev/null 2>&1 &)
		for _ in $(seq 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
	fi
	mariadb-admin ping >/dev/null 2>&1 || die "MariaDB did not start"
	if ! mariadb -uroot -p"$DB_ROOT_PASSWORD" -e 'select 1' >/dev/null 2>&1; then
		mariadb -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD') OR unix_socket; FLUSH PRIVILEGES;" ||
			die "cannot log in to MariaDB as root; set CHO40_DB_ROOT_PASSWORD"
	fi
	[ "$(mariadb -uroot -p"$DB_ROOT_PASSWORD" -N -e 'select @@collation_server')" = utf8mb4_unicode_ci ] ||
		die "MariaDB must use utf8mb4_unicode_ci (see README → Prerequisites)"
	for url in $("$BENCH/env/bin/python" -c "import json;c=json.load(open('$BENCH/sites/common_site_config.json'));print(c['redis_cache'], c['redis_queue'])"); do
		local port=${url##*:}
		redis-cli -p "$port" ping >/dev/null 2>&1 || redis-server --port "$port" --daemonize yes --save '' --appendonly no >/dev/null
	done
}

install_editable() {
	if command -v uv >/dev/null || [ -x /usr/local/bin/uv ]; then
		as_bench "cd '$BENCH' && PATH=/usr/local/bin:\$PATH uv pip install -q --system-certs --python env/bin/python -e apps/cho40"
	else
		as_bench "cd '$BENCH' && env/bin/python -m pip install -q -e apps/cho40"
	fi
}

# The editable install writes the app's resolved path into cho40.pth; pointing it at the
# apps/cho40 link instead lets the link alone decide which checkout the bench runs.
follow_app_link() {
	local pth
	pth="$("$BENCH/env/bin/python" -c "import sysconfig;print(sysconfig.get_paths()['purelib'])")/cho40.pth"
	[ -f "$pth" ] || install_editable
	[ -f "$pth" ] && echo "$BENCH/apps/cho40" >"$pth"
}

# Installs this checkout as the bench's cho40 app, restoring whatever was there on exit.
stage_app() {
	cp "$BENCH/sites/apps.txt" "$LOGS/apps.txt.before"
	PREVIOUS_APP=$(readlink "$BENCH/apps/cho40" 2>/dev/null || true)
	if [ "$(readlink -f "$BENCH/apps/cho40" 2>/dev/null)" != "$REPO" ]; then
		STAGE=$(as_bench "mktemp -d /tmp/cho40-app.XXXXXX")
		cp -a "$REPO/." "$STAGE/" && chown -R "$BENCH_USER" "$STAGE"
		[ -e "$BENCH/apps/cho40" ] && [ ! -L "$BENCH/apps/cho40" ] && mv "$BENCH/apps/cho40" "$BENCH/apps/.cho40.before-ci"
		ln -sfn "$STAGE" "$BENCH/apps/cho40"
	fi
	grep -qx cho40 "$BENCH/sites/apps.txt" || { sed -i -e '$a\' "$BENCH/sites/apps.txt"; echo cho40 >>"$BENCH/sites/apps.txt"; }
	follow_app_link
}

cleanup() {
	[ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && pkill -f "serve --port $PORT" 2>/dev/null
	if [ -z "${CHO40_KEEP_SITE:-}" ] && [ -d "$BENCH/sites/$SITE" ]; then
		bench_cmd drop-site "$SITE" --force --no-backup --db-root-password "$DB_ROOT_PASSWORD" >/dev/null 2>&1
	fi
	if [ -n "${STAGE:-}" ]; then
		rm -f "$BENCH/apps/cho40"
		if [ -n "$PREVIOUS_APP" ]; then ln -sfn "$PREVIOUS_APP" "$BENCH/apps/cho40"
		elif [ -e "$BENCH/apps/.cho40.before-ci" ]; then mv "$BENCH/apps/.cho40.before-ci" "$BENCH/apps/cho40"
		fi
		[ -e "$BENCH/apps/cho40" ] ||
			as_bench "cd '$BENCH' && PATH=/usr/local/bin:\$PATH uv pip uninstall -q --python env/bin/python cho40" >/dev/null 2>&1
		cp "$LOGS/apps.txt.before" "$BENCH/sites/apps.txt"
		rm -rf "$STAGE"
	fi
}
trap cleanup EXIT

unittest_counts() { # log file → passed failed
	local ran failures errors
	ran=$(grep -oE '^Ran [0-9]+ test' "$1" | tail -1 | grep -oE '[0-9]+')
	failures=$(grep -oE '^FAILED \(.*' "$1" | grep -oE 'failures=[0-9]+' | grep -oE '[0-9]+')
	errors=$(grep -oE '^FAILED \(.*' "$1" | grep -oE 'errors=[0-9]+' | grep -oE '[0-9]+')
	ran=${ran:-0}; failures=${failures:-0}; errors=${errors:-0}
	[ "$ran" -gt 0 ] || errors=$((errors + 1))
	echo "$((ran - failures - errors < 0 ? 0 : ran - failures - errors)) $((failures + errors))"
}

say "Plain unit tests (no Frappe)"
(cd "$REPO" && "$BENCH/env/bin/python" -m unittest discover -s tests/unit -t . 2>&1) | tee "$LOGS/unit.log" | tail -4
count $(unittest_counts "$LOGS/unit.log")

say "Services and throwaway site $SITE"
start_services
stage_app
bench_cmd new-site "$SITE" --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin --install-app erpnext \
	>"$LOGS/new-site.log" 2>&1 || { tail -30 "$LOGS/new-site.log"; die "could not create the test site"; }
bench_cmd --site "$SITE" install-app cho40 >"$LOGS/install.log" 2>&1 || { tail -30 "$LOGS/install.log"; die "install-app cho40 failed"; }
bench_cmd --site "$SITE" set-config allow_tests true >/dev/null

say "Frappe integration tests (bench run-tests --app cho40)"
bench_cmd --site "$SITE" run-tests --app cho40 >"$LOGS/frappe.log" 2>&1
grep -E '^(FAIL|ERROR):|^Ran |^OK|^FAILED' "$LOGS/frappe.log"
grep -qE '^(FAIL|ERROR):' "$LOGS/frappe.log" && grep -A30 -E '^(FAIL|ERROR):' "$LOGS/frappe.log" | head -150
count $(unittest_counts "$LOGS/frappe.log")

say "Demo, twice (the second run must add nothing)"
bench_cmd --site "$SITE" cho40 demo 2>&1 | grep -v '^Updating Dashboard' | tee "$LOGS/demo1.log"
bench_cmd --site "$SITE" cho40 demo 2>&1 | grep -v '^Updating Dashboard' | tee "$LOGS/demo2.log"
if grep -q 'Demo finished' "$LOGS/demo1.log"; then count 1 0; else count 0 1; fi
if grep -qE ': 0 (hóa đơn mới|invoices created)' "$LOGS/demo2.log" &&
	grep -qE ' 0 (giao dịch ngân hàng mới|new bank transactions)' "$LOGS/demo2.log"; then count 1 0; else
	echo "second demo run added invoices or bank transactions"; count 0 1
fi

if [ -z "${CHO40_SKIP_BROWSER:-}" ]; then
	say "Browser tests (Playwright + Debian Chromium)"
	as_bench "cd '$BENCH' && PATH=/usr/local/bin:/usr/bin:/bin bench --site '$SITE' execute cho40.tests.e2e_setup.prepare" \
		>"$LOGS/e2e-setup.log" 2>&1 || { tail -20 "$LOGS/e2e-setup.log"; die "browser test setup failed"; }
	as_bench "cd '$BENCH/sites' && exec ../env/bin/python -m frappe.utils.bench_helper frappe --site '$SITE' serve --port $PORT --noreload --nothreading" \
		>"$LOGS/serve.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/method/ping" -H "Host: $SITE" && break; sleep 1; done
	(cd "$REPO/e2e" && npm ci --no-audit --no-fund >/dev/null 2>&1 &&
		CHO40_BASE_URL="http://$SITE:$PORT" CHO40_SITE="$SITE" CHO40_E2E_DATA="$LOGS/e2e-setup.log" \
		CHO40_SCREENSHOTS="$LOGS" node --test 2>&1) | tee "$LOGS/e2e.log" | grep -E '^(not )?ok |^# (pass|fail)'
	e2e_pass=$(grep -oE '^# pass [0-9]+' "$LOGS/e2e.log" | grep -oE '[0-9]+')
	e2e_fail=$(grep -oE '^# fail [0-9]+' "$LOGS/e2e.log" | grep -oE '[0-9]+')
	[ -n "$e2e_pass" ] || { tail -30 "$LOGS/e2e.log"; e2e_fail=$(( ${e2e_fail:-0} + 1 )); }
	count "${e2e_pass:-0}" "${e2e_fail:-0}"
fi

say "Uninstall leaves nothing of cho40 behind"
bench_cmd --site "$SITE" uninstall-app cho40 --yes --no-backup >"$LOGS/uninstall.log" 2>&1
DB_NAME=$("$BENCH/env/bin/python" -c "import json;print(json.load(open('$BENCH/sites/$SITE/site_config.json'))['db_name'])")
LEFTOVERS=$(mariadb -uroot -p"$DB_ROOT_PASSWORD" -N "$DB_NAME" -e "select
	(select count(*) from \`tabCustom Field\` where fieldname like 'cho40%' or (fieldname = 'market' and options = 'Market'))
	+ (select count(*) from tabRole where name in ('Department Staff', 'Market Board Manager', 'Market Board Staff', 'Market Accountant', 'Trader', 'Digital Team Member'))
	+ (select count(*) from tabDocType where module in ('Markets', 'Billing', 'Market Payments', 'Reporting'))
	+ (select count(*) from \`tabAccounting Dimension\` where document_type = 'Market')
	+ (select count(*) from \`tabUser Permission\` where allow in ('Market', 'Trader'))" 2>&1)
if grep -q 'Uninstalled App cho40' "$LOGS/uninstall.log" && [ "$LEFTOVERS" = 0 ]; then count 1 0; else
	tail -20 "$LOGS/uninstall.log"; echo "left behind: $LEFTOVERS"; count 0 1
fi

say "Logs: $LOGS"
echo "${PASSED} passed, ${FAILED} failed"
[ "$FAILED" -eq 0 ]
