# Gaoxin: the two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

CONFIG   ?= Release
API_URL  ?= http://localhost:5080
PG_PORT  ?= 55432
export GAOXIN_PG_PORT := $(PG_PORT)
LOCAL_DB  = Host=127.0.0.1;Port=$(PG_PORT);Username=gaoxin;Database=
API_DLL   = api/bin/$(CONFIG)/net10.0/Gaoxin.Api.dll
CLIENT_TS = client/src/api/gaoxin-client.ts
CLIENT_OPS = client/src/api/operations.ts
SCRATCH   = .data/contract-check

# GAOXIN_DB / GAOXIN_TEST_DB point run / test at an existing PostgreSQL; then no local cluster is started.
ifdef GAOXIN_DB
RUN_DB_UP :=
else
RUN_DB_UP := db-up
export GAOXIN_DB := $(LOCAL_DB)gaoxin
endif
ifdef GAOXIN_TEST_DB
TEST_DB_UP :=
else
TEST_DB_UP := db-up
export GAOXIN_TEST_DB := $(LOCAL_DB)gaoxin_test
endif

.PHONY: cluster cluster-down cluster-failover test-cluster help run test e2e apikey build openapi check-contract lint-contract check-breaking db-up db-down client-deps client-build client-test clean bench bench-quick wrk

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

run: $(RUN_DB_UP) client-build build ## start PostgreSQL, build the SPA and the API, serve both on $(API_URL)
	@echo "Starting Gaoxin on $(API_URL) (Ctrl-C stops it; the database keeps running, 'make db-down' stops it)"
	exec scripts/run.sh "$(CURDIR)/$(API_DLL)" "$(API_URL)" "$(CURDIR)/client/dist" $(if $(filter 0,$(DEMO)),--no-demo,)

test: $(TEST_DB_UP) build client-deps ## everything CI checks: contract, .NET tests on PostgreSQL, client tests, browser tests, cluster drills
	$(MAKE) --no-print-directory check-contract
	$(MAKE) --no-print-directory lint-contract
	$(MAKE) --no-print-directory check-breaking
	dotnet test tests/Gaoxin.Api.Tests -c $(CONFIG) --no-build
	$(MAKE) --no-print-directory client-test
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory test-cluster

cluster: build client-build ## the API on a cluster: PostgreSQL primary + streaming standby, 3 API processes, HAProxy (one address)
	scripts/cluster.sh up "$(CURDIR)/$(API_DLL)" "$(CURDIR)/client/dist"

cluster-down: ## stop the cluster make cluster started
	scripts/cluster.sh down

cluster-failover: ## stop the cluster's primary and promote its standby; the API processes carry on
	scripts/cluster.sh failover

test-cluster: build client-build ## the cluster's failure drills: a fresh cluster, each drill, then down
	GAOXIN_CLUSTER_PERMITS=1000000 scripts/cluster.sh up "$(CURDIR)/$(API_DLL)" "$(CURDIR)/client/dist"
	trap 'scripts/cluster.sh down' EXIT; \
	  dotnet test tests/Gaoxin.Cluster.Tests -c $(CONFIG) --no-build --filter "Drill!=Failover" && \
	  dotnet test tests/Gaoxin.Cluster.Tests -c $(CONFIG) --no-build --filter "Drill=Failover"

e2e: client-build ## the size budget, the SPA in Chromium, then the generated-client examples (client/examples/), on a fresh database
	cd client && npm run budget
	scripts/e2e.sh "$(CURDIR)/$(API_DLL)"

build: ## build the solution
	dotnet build Gaoxin.sln -c $(CONFIG) -warnaserror

openapi: build ## regenerate openapi.json and the TypeScript client from the code
	dotnet $(API_DLL) openapi "$(CURDIR)/openapi.json"
	dotnet msbuild api/Gaoxin.Api.csproj -nologo -v:q -t:GenerateTypeScriptClient
	cd client && node scripts/named-operations.mjs
	@echo "openapi.json, $(CLIENT_TS) and $(CLIENT_OPS) regenerated: review and commit them."

check-contract: ## fail when openapi.json or the generated client differ from what the code produces
	@rm -rf $(SCRATCH) && mkdir -p $(SCRATCH)
	@dotnet $(API_DLL) openapi "$(CURDIR)/$(SCRATCH)/openapi.json" >/dev/null
	@dotnet msbuild api/Gaoxin.Api.csproj -nologo -v:q -t:GenerateTypeScriptClient \
	  -p:ClientInput="$(CURDIR)/openapi.json" -p:ClientOutput="$(CURDIR)/$(SCRATCH)/gaoxin-client.ts" >/dev/null
	@if ! diff -u openapi.json $(SCRATCH)/openapi.json; then \
	  echo "openapi.json is not what the code produces. Run 'make openapi' and commit the result."; exit 1; fi
	@if ! diff -u $(CLIENT_TS) $(SCRATCH)/gaoxin-client.ts; then \
	  echo "$(CLIENT_TS) is not what NSwag generates from openapi.json. Run 'make openapi' and commit the result."; exit 1; fi
	@node client/scripts/named-operations.mjs $(CLIENT_TS) $(SCRATCH)/operations.ts >/dev/null
	@if ! diff -u $(CLIENT_OPS) $(SCRATCH)/operations.ts; then \
	  echo "$(CLIENT_OPS) is not what scripts/named-operations.mjs makes of the client. Run 'make openapi' and commit the result."; exit 1; fi
	@echo "contract: openapi.json and the TypeScript client are in sync with the code"

lint-contract: client-deps ## lint openapi.json with Spectral and the OWASP API Top 10 ruleset (client/.spectral.yaml): 0 errors
	cd client && node_modules/.bin/spectral lint ../openapi.json --ruleset .spectral.yaml --fail-severity error --display-only-failures
	@echo "contract: 0 lint errors (accepted warnings and their reasons: client/.spectral.yaml)"

check-breaking: client-deps ## fail on a breaking change to openapi.json unless declared (see contracts/BREAKING-CHANGES.md)
	scripts/contract/check-breaking.sh

apikey: $(RUN_DB_UP) build ## make a key for the database make run uses: make apikey NAME=x SCOPES=read,write [PARK=haidong]
	@test -n "$(NAME)" -a -n "$(SCOPES)" || { echo "usage: make apikey NAME=name SCOPES=read,write,import,admin [PARK=park-code]"; exit 2; }
	@test -s .data/api-key-pepper || { mkdir -p .data; head -c 32 /dev/urandom | base64 > .data/api-key-pepper; chmod 600 .data/api-key-pepper; }
	@Auth__KeyPepper="$$(cat .data/api-key-pepper)" dotnet $(API_DLL) apikey create "$(NAME)" "$(SCOPES)" $(PARK)

bench: db-up wrk build ## measure the stack on a grown database (about 10 min here); writes docs/BENCHMARKS.md
	dotnet run --project scripts/bench/Gaoxin.Bench -c $(CONFIG) --no-build -- \
	  --api "$(CURDIR)/$(API_DLL)" --admin "$(LOCAL_DB)postgres" --out "$(CURDIR)/docs/BENCHMARKS.md"

bench-quick: db-up wrk build ## the same, short runs and 100,000 import rows: checks that the benchmark works
	dotnet run --project scripts/bench/Gaoxin.Bench -c $(CONFIG) --no-build -- \
	  --api "$(CURDIR)/$(API_DLL)" --admin "$(LOCAL_DB)postgres" --out "$(CURDIR)/.data/BENCHMARKS-quick.md" --quick --import-rows 100000

wrk: # the HTTP load generator, from Debian's packages
	@command -v wrk >/dev/null || { echo "installing wrk"; $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq wrk >/dev/null || { $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq wrk >/dev/null; }; }

db-up: ## install PostgreSQL if missing; start the project cluster (.data/pg, port $(PG_PORT))
	scripts/db.sh up gaoxin gaoxin_test

db-down: ## stop the project cluster
	scripts/db.sh down

client/node_modules/.package-lock.json: client/package-lock.json
	cd client && npm ci --no-audit --no-fund

client-deps: client/node_modules/.package-lock.json

client-build: client-deps ## build the SPA into client/dist
	cd client && npm run build

client-test: client-deps ## type-check the SPA and run its unit tests
	cd client && npm run typecheck && npm test

clean: ## remove build outputs (the database under .data/ stays; 'make db-down' first to stop it)
	dotnet clean Gaoxin.sln -c $(CONFIG) -nologo -v:q >/dev/null || true
	rm -rf client/dist client/node_modules $(SCRATCH)
	find api contracts tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
