# Yankomas: development server and tests, run from the repository root.
#   make run    venv, sao, demo database "yankomas" (kept between runs), server
#   make reset  drop the demo database and build it again
#   make test   module tests and end-to-end tests, on SQLite and PostgreSQL
#   make production  the multi-process deployment on PostgreSQL (README)

SHELL := /bin/bash
.DELETE_ON_ERROR:
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SAO_VERSION := 8.0.11
TEST_PACKAGES := chromium poppler-utils
# WeasyPrint's libraries (HarfBuzz's subsetter makes the fonts of a PDF in C)
# and the fonts the printed documents are set in.
PRINT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-dejavu-core

CONF := config/trytond.conf
# Absolute paths that config/trytond.conf leaves to the environment.
export TRYTOND_DATABASE__PATH := $(CURDIR)/var/db
export TRYTOND_WEB__ROOT := $(CURDIR)/var/sao
DB := yankomas
DEMO_PASSWORD := yankomas-demo
DEMO_USERS := duta petugas kasubsi kasi kakan pengawas pdp admin
ADMIN = $(VENV)/bin/trytond-admin -c $(CONF) -d $(DB) -l id

VENV_STAMP := $(VENV)/.installed
SAO_STAMP := var/sao/.installed
DB_STAMP := var/db/$(DB).stamp
PASSFILE := var/admin-password
# Our modules, each with its own tests, in the order of their dependencies;
# the demo activates the last ones, which bring in the rest.
MODULES := company_working_calendar yankomas_complaint yankomas_email \
	yankomas_document yankomas_recap yankomas_reporting yankomas_board \
	yankomas_privacy yankomas_public yankomas_answer yankomas_survey
TOP_MODULES := yankomas_email yankomas_recap yankomas_reporting yankomas_board \
	yankomas_privacy yankomas_public yankomas_answer yankomas_survey
MODULE_FILES := $(shell find $(addprefix addons/,$(MODULES)) -type f \
	\( -name '*.py' -o -name '*.xml' -o -name '*.cfg' -o -name '*.po' \) \
	-not -path '*/tests/*')
PYPROJECTS := $(addsuffix /pyproject.toml,$(addprefix addons/,$(MODULES)))

.PHONY: run reset verify test test-sqlite test-postgresql system-packages \
	test-module-sqlite test-module-postgresql test-e2e-sqlite test-e2e-postgresql

# E-mail goes to the local mail sink unless TRYTOND_EMAIL__URI names a real
# SMTP server; links in e-mails point at the development server.
MAILBOX := var/mail/yankomas.mbox
export TRYTOND_EMAIL__FROM ?= yankomas@localhost
export TRYTOND_WEB__HOSTNAME ?= 127.0.0.1:8000

# The scheduler (trytond-cron: breach detection, e-mail retries) and the
# mail sink run beside the server and stop with it, forked workers included
# (tools/together.py), on Ctrl-C or when one of them fails to start.
run: $(DB_STAMP) $(SAO_STAMP)
	@mkdir -p var/mail
	@echo
	@echo "Yankomas on http://127.0.0.1:8000/ (database $(DB))"
	@echo "Demo logins: $(DEMO_USERS); password $(DEMO_PASSWORD)"
	@echo "Public pages: http://127.0.0.1:8000/$(DB)/yankomas/public/complaint" \
		"and http://127.0.0.1:8000/$(DB)/yankomas/public/track"
	@if [ -z "$$TRYTOND_EMAIL__URI" ]; then \
		echo "E-mails are delivered to $(MAILBOX)"; fi
	@echo
	@sink=; if [ -z "$$TRYTOND_EMAIL__URI" ]; then \
		sink="$(PY) tools/mailsink.py $(MAILBOX) 8025 ::"; \
		export TRYTOND_EMAIL__URI=smtp://127.0.0.1:8025; \
	fi; \
	PYTHONOPTIMIZE=1 exec $(PY) tools/together.py $$sink \
		$(VENV)/bin/trytond-cron -c $(CONF) -d $(DB) :: \
		$(VENV)/bin/trytond -c $(CONF) -d $(DB)

# The operator's check of every complaint's hash chain in the demo database
# (exit status 1 when one fails): yankomas-verify, from yankomas_complaint.
verify: $(DB_STAMP)
	$(VENV)/bin/yankomas-verify -c $(CONF) -d $(DB)

# Production on the local PostgreSQL (README "Production"): gunicorn with
# PRODUCTION_WORKERS WSGI worker processes (one per core by default) serving
# Tryton, sao and GET /health (tools/wsgi.py), trytond-cron, trytond-worker
# for the queue, and the mail sink unless TRYTOND_EMAIL__URI names a real
# SMTP server; every process's log in $(PRODUCTION_VAR)/log/, all stopped
# together (tools/together.py) on Ctrl-C or when one of them fails. The
# database is created, or updated when the modules changed, first:
# PRODUCTION_DEMO=yes loads the demo office into a new one (its users'
# password is $(DEMO_PASSWORD)); without it trytond-admin asks for the
# admin's password (or reads TRYTONPASSFILE).
PRODUCTION_DB ?= yankomas
PRODUCTION_LISTEN ?= 127.0.0.1:8000
PRODUCTION_WORKERS ?= $(shell nproc)
# Threads of each worker: a request that waits (the public look-up's floor
# of time, a lock) holds a thread, not the whole process.
PRODUCTION_THREADS ?= 4
PRODUCTION_SINK_PORT ?= 8025
PRODUCTION_DEMO ?= no
PRODUCTION_VAR ?= var/production
PRODUCTION_CONF := config/production.conf
PRODUCTION_LOG := $(abspath $(PRODUCTION_VAR))/log
PRODUCTION_STAMP := $(PRODUCTION_VAR)/$(PRODUCTION_DB).stamp
# Set for every process, so that they all read the same configuration.
PRODUCTION_ENV := PYTHONOPTIMIZE=1 TRYTOND_CONFIG=$(PRODUCTION_CONF) \
	TRYTOND_DATABASE__URI=$${TRYTOND_DATABASE__URI:-postgresql://} \
	TRYTOND_DATABASE__PATH=$(abspath $(PRODUCTION_VAR))/filestore
PRODUCTION_ADMIN = $(VENV)/bin/trytond-admin -c $(PRODUCTION_CONF) \
	-d $(PRODUCTION_DB) -l id
# A command of together.py with its output appended to the log NAME.log.
production_logged = $(SHELL) -c 'exec "$$0" "$$@" >>"$(PRODUCTION_LOG)/$(1).log" 2>&1'

.PHONY: production production-database
production-database: $(PRODUCTION_STAMP)

$(PRODUCTION_STAMP): $(MODULE_FILES) | $(VENV_STAMP) $(PASSFILE)
	mkdir -p $(PRODUCTION_VAR)
	export $(PRODUCTION_ENV); \
	if [ "$(PRODUCTION_DEMO)" = yes ]; then \
		export TRYTONPASSFILE=$(CURDIR)/$(PASSFILE); fi; \
	if psql -d postgres -Atc "SELECT datname FROM pg_database" \
			| grep -qx '$(PRODUCTION_DB)'; then \
		$(PRODUCTION_ADMIN) --all -u $(TOP_MODULES) --activate-dependencies; \
	else \
		createdb '$(PRODUCTION_DB)' \
		&& echo | $(PRODUCTION_ADMIN) -u $(TOP_MODULES) --activate-dependencies \
		&& if [ "$(PRODUCTION_DEMO)" = yes ]; then \
			$(PY) tools/demo.py -c $(PRODUCTION_CONF) -d $(PRODUCTION_DB); fi \
		|| { dropdb --if-exists '$(PRODUCTION_DB)'; exit 1; }; \
	fi
	touch $@

production: $(PRODUCTION_STAMP) $(SAO_STAMP) $(ALTCHA_STAMP)
	@mkdir -p $(PRODUCTION_LOG) $(PRODUCTION_VAR)/mail
	@echo
	@echo "Yankomas (production) on http://$(PRODUCTION_LISTEN)/ (database" \
		"$(PRODUCTION_DB), $(PRODUCTION_WORKERS) workers of" \
		"$(PRODUCTION_THREADS) threads)"
	@echo "Health check: http://$(PRODUCTION_LISTEN)/health"
	@echo "Logs in $(PRODUCTION_LOG)/"
	@echo
	@export $(PRODUCTION_ENV) TRYTOND_DATABASE_NAMES=$(PRODUCTION_DB); \
	sink=(); if [ -z "$$TRYTOND_EMAIL__URI" ]; then \
		sink=($(call production_logged,mailsink) $(PY) tools/mailsink.py \
			$(PRODUCTION_VAR)/mail/yankomas.mbox $(PRODUCTION_SINK_PORT) ::); \
		export TRYTOND_EMAIL__URI=smtp://127.0.0.1:$(PRODUCTION_SINK_PORT); \
	fi; \
	$(PY) tools/together.py "$${sink[@]}" \
		$(call production_logged,cron) env TRYTOND_LOGGING_LEVEL=20 \
			$(VENV)/bin/trytond-cron -n 1 -d $(PRODUCTION_DB) :: \
		$(call production_logged,worker) env TRYTOND_LOGGING_LEVEL=20 \
			$(VENV)/bin/trytond-worker -n 1 -d $(PRODUCTION_DB) :: \
		$(VENV)/bin/gunicorn --pythonpath tools wsgi:app \
			--bind $(PRODUCTION_LISTEN) --workers $(PRODUCTION_WORKERS) \
			--worker-class gthread --threads $(PRODUCTION_THREADS) \
			--timeout 120 --graceful-timeout 5 --capture-output \
			--control-socket $(abspath $(PRODUCTION_VAR))/gunicorn.ctl \
			--error-logfile $(PRODUCTION_LOG)/trytond.log \
			--access-logfile $(PRODUCTION_LOG)/access.log; \
	status=$$?; if [ $$status != 130 ]; then \
		echo "Stopped ($$status); the logs' last lines:"; \
		tail -n 5 $(PRODUCTION_LOG)/*.log; fi; \
	exit $$status

reset: $(VENV_STAMP) $(PASSFILE)
	rm -f var/db/$(DB).sqlite $(DB_STAMP)
	$(MAKE) $(DB_STAMP)

# The database is created and loaded with the demo only when missing; later
# changes to the modules update it in place, activating a new top module. On
# a new database --all alone would update only ir and res: -u activates the
# modules and their dependencies.
# The echo answers "no e-mail" to trytond-admin's prompt for the admin's.
$(DB_STAMP): $(MODULE_FILES) | $(VENV_STAMP) $(PASSFILE)
	mkdir -p var/db
	export TRYTONPASSFILE=$(CURDIR)/$(PASSFILE); \
	if [ -f var/db/$(DB).sqlite ]; then \
		$(ADMIN) --all -u $(TOP_MODULES) --activate-dependencies; \
	else \
		touch var/db/$(DB).sqlite \
		&& echo | $(ADMIN) -u $(TOP_MODULES) --activate-dependencies \
		&& $(PY) tools/demo.py -c $(CONF) -d $(DB) \
		|| { rm -f var/db/$(DB).sqlite; exit 1; }; \
	fi
	touch $@

$(PASSFILE):
	mkdir -p var
	echo $(DEMO_PASSWORD) > $@

# Debian packages missing among $(1) (run as root when some are).
apt_ensure = missing=$$(for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
			| grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		apt-get update && apt-get install -y $$missing; \
	fi

$(VENV_STAMP): requirements.txt $(PYPROJECTS)
	@test -x $(PY) || $(call apt_ensure,python3-venv)
	@$(call apt_ensure,$(PRINT_PACKAGES))
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# sao from npm; dist/ is prebuilt. --legacy-peer-deps avoids an ERESOLVE.
SAO_DOWNLOAD_STAMP := var/sao/.downloaded
$(SAO_DOWNLOAD_STAMP):
	@command -v npm >/dev/null || $(call apt_ensure,npm)
	rm -rf var/sao var/sao-tmp
	mkdir -p var/sao-tmp
	cd var/sao-tmp && npm pack --silent tryton-sao@$(SAO_VERSION) \
		&& tar xzf tryton-sao-$(SAO_VERSION).tgz
	mv var/sao-tmp/package var/sao
	rm -rf var/sao-tmp
	cd var/sao && npm install --omit=dev --legacy-peer-deps --no-audit --no-fund
	touch $@

# sao's Indonesian catalogue is incomplete: ours (sao/locale/id.po) replaces
# it, compiled to the JSON sao loads; a change of it compiles it again.
$(SAO_STAMP): $(SAO_DOWNLOAD_STAMP) sao/locale/id.po tools/sao_locale.py \
		$(VENV_STAMP)
	$(PY) tools/sao_locale.py sao/locale/id.po var/sao/locale/id.json
	touch $@

# The public forms' proof-of-work widget (ALTCHA) from npm, served by
# yankomas_public's static route and kept out of git: the build without
# inline workers or styles (a strict Content-Security-Policy), its PBKDF2
# worker, the Indonesian strings (English is built in) and the licence.
# A new version needs its tarball's sha256 here too.
ALTCHA_VERSION := 3.2.2
ALTCHA_SHA256 := 0a1d0759ac0c4ada26e0622a6f8a0926da915078f27b3edec87453f8db33131c
ALTCHA_VENDOR := addons/yankomas_public/static/vendor
ALTCHA_STAMP := $(ALTCHA_VENDOR)/.installed
ALTCHA_FILES := dist/external/altcha.min.js dist/external/altcha.css \
	dist/workers/pbkdf2.js dist/i18n/id.js LICENSE.txt
$(ALTCHA_STAMP):
	@command -v npm >/dev/null || $(call apt_ensure,npm)
	rm -rf $(ALTCHA_VENDOR) var/altcha-tmp
	mkdir -p var/altcha-tmp $(ALTCHA_VENDOR)
	cd var/altcha-tmp && npm pack --silent altcha@$(ALTCHA_VERSION) \
		&& echo "$(ALTCHA_SHA256)  altcha-$(ALTCHA_VERSION).tgz" \
			| sha256sum --check --quiet \
		&& tar xzf altcha-$(ALTCHA_VERSION).tgz
	cp $(addprefix var/altcha-tmp/package/,$(ALTCHA_FILES)) $(ALTCHA_VENDOR)/
	rm -rf var/altcha-tmp
	touch $@

# The rules above name their targets before this file reads ALTCHA_STAMP.
run test-module-sqlite test-module-postgresql test-e2e-sqlite \
	test-e2e-postgresql: $(ALTCHA_STAMP)

system-packages:
	@$(call apt_ensure,$(TEST_PACKAGES))

# Three lanes side by side on two cores (the end-to-end runs wait on
# browsers and servers as much as they compute): the PostgreSQL module
# tests; the SQLite module tests, then the SQLite end-to-end run; the
# PostgreSQL end-to-end run (the databases, caches, ports and artifacts of
# each run are their own). Each line of their output is marked with the run
# it comes from; any run failing fails the whole.
LANE_1 := test-module-postgresql
LANE_2 := test-module-sqlite test-e2e-sqlite
LANE_3 := test-e2e-postgresql
test: system-packages $(VENV_STAMP) $(SAO_STAMP) $(ALTCHA_STAMP)
	@start=$$(date +%s); \
	lane() { for run in "$$@"; do \
		$(MAKE) --no-print-directory $$run 2>&1 \
			| sed -u "s/^/[$${run#test-}] /"; \
		[ $${PIPESTATUS[0]} = 0 ] || { echo "[$${run#test-}] FAILED"; \
			return 1; }; done; }; \
	lane $(LANE_1) & one=$$!; lane $(LANE_2) & two=$$!; \
	lane $(LANE_3) & three=$$!; \
	wait $$one; first=$$?; wait $$two; second=$$?; wait $$three; third=$$?; \
	failed=$$(( first || second || third )); \
	echo "make test: $$( ((failed)) && echo FAILED || echo passed)" \
		"in $$(( $$(date +%s) - start )) s"; \
	exit $$failed
test-sqlite: test-module-sqlite test-e2e-sqlite
test-postgresql: test-module-postgresql test-e2e-postgresql

# Each module's tests with only it and its dependencies activated (standard
# discovery of its tests/), then every module's checks with all of them
# activated together (tests/test_modules_together.py). The test cache is
# keyed on the module list only, not the schema: start empty. On SQLite it
# is a folder of database files; on PostgreSQL, template databases
# ("test-<hash>"; trytond copies one with CREATE DATABASE ... TEMPLATE,
# several times faster than its default pg_restore of a dump for each
# scenario), dropped before and after.
define module_tests
	set -e; for module in $(MODULES); do \
		echo "== $$module ($(1)) $$(date +%T)"; \
		$(2) DB_CACHE=$(3) $(PY) -m unittest discover \
			-s addons/$$module/tests -t addons; \
	done
	$(2) DB_CACHE=$(3) $(PY) -m unittest discover \
		-s tests -p 'test_modules_together.py' -t tests
endef
PG_CACHES := psql -d postgres -Atc \
	"SELECT datname FROM pg_database WHERE datname LIKE 'test-%'"
define drop_pg_caches
	for db in $$($(PG_CACHES)); do \
		psql -q -d postgres -c "DROP DATABASE \"$$db\" WITH (FORCE)"; done
endef

test-module-sqlite: system-packages $(VENV_STAMP)
	rm -rf var/cache/sqlite
	$(call module_tests,sqlite,,$(CURDIR)/var/cache/sqlite)

test-module-postgresql: system-packages $(VENV_STAMP)
	$(drop_pg_caches)
	$(call module_tests,postgresql,TRYTOND_DATABASE_URI=postgresql://,postgresql://)
	$(drop_pg_caches)

# A phony target skips pattern rules, hence one rule per backend.
test-e2e-sqlite test-e2e-postgresql: system-packages $(VENV_STAMP) $(SAO_STAMP)
	YANKOMAS_E2E_DB=$(@:test-e2e-%=%) $(PY) -m pytest -p no:cacheprovider \
		--durations=5 tests

# The load benchmark of an office network against `make production`
# (bench/load.py, README "Load benchmark"): Locust from
# bench/requirements.txt into the venv, then the run: about 10 minutes
# here, its database template built again included (when the modules
# changed); BENCH_LOAD_ARGS passes options, e.g. BENCH_LOAD_ARGS=--national
# (125 offices, 1,000,000 complaints: about 20 minutes).
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): bench/requirements.txt | $(VENV_STAMP)
	$(PY) -m pip install --quiet -r bench/requirements.txt
	touch $@

.PHONY: bench-load
bench-load: $(BENCH_STAMP) $(SAO_STAMP) $(ALTCHA_STAMP)
	PYTHONOPTIMIZE=1 $(PY) bench/load.py $(BENCH_LOAD_ARGS)
