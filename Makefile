# nianbao — build, test, install.
# Dependencies are Debian packages found with pkg-config: `make deps` installs them.

CC       ?= cc
PKGS     := lua5.4 yaml-0.1 libxml-2.0
CFLAGS   ?= -O2 -g
XCFLAGS  := -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
            $(shell pkg-config --cflags $(PKGS))
LPEG_A   := -l:liblua5.4-lpeg.a
RE_LUA   := $(shell pkg-config --variable=prefix lua5.4-lpeg 2>/dev/null)/share/lua/5.4/re.lua
LDLIBS   := $(LPEG_A) $(shell pkg-config --libs $(PKGS)) -lm
PREFIX   ?= /usr/local
BUILD    ?= build
DEBS     := build-essential pkg-config liblua5.4-dev lua-lpeg lua-lpeg-dev \
            libyaml-dev libxml2-dev libcmocka-dev poppler-utils valgrind xxd

CORE_SRC := core/nb_num.c core/nb_report.c core/nb_ident.c core/nb_finding.c \
            core/nb_yaml.c core/nb_html.c core/nb_encoding.c core/nb_sandbox.c core/nb_lua.c
CORE_OBJ := $(CORE_SRC:core/%.c=$(BUILD)/%.o)
BIN      := $(BUILD)/nianbao
NB       := $(BIN)

.PHONY: all deps demo test check-all test-core test-lua corpus memcheck asan install clean

all: $(BIN)

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/re_lua.h: | $(BUILD)
	cp $(RE_LUA) $(BUILD)/re.lua
	cd $(BUILD) && xxd -i re.lua > re_lua.h

$(BUILD)/%.o: core/%.c core/*.h | $(BUILD)
	$(CC) $(CFLAGS) $(XCFLAGS) -c $< -o $@

$(BUILD)/main.o: core/main.c core/*.h $(BUILD)/re_lua.h
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(BUILD) -DNB_HOME='"$(PREFIX)/share/nianbao"' -c $< -o $@

$(BIN): $(BUILD)/main.o $(CORE_OBJ)
	$(CC) $(CFLAGS) $(XCFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# The quick start: install what is missing, build, check the bundled example.
demo: deps
	$(MAKE) all
	$(NB) check examples/jiuqu-2024.txt

# --- tests ------------------------------------------------------------------

TEST_SRC := $(wildcard tests/core/test_*.c)
TEST_BIN := $(TEST_SRC:tests/core/%.c=$(BUILD)/%)

$(BUILD)/test_%: tests/core/test_%.c $(CORE_OBJ)
	$(CC) $(CFLAGS) $(XCFLAGS) -Icore -o $@ $^ $(LDFLAGS) $(LDLIBS) -lcmocka

# `make test` works on a fresh machine: deps first, then a make that sees them.
test: deps
	$(MAKE) check-all

check-all: test-core test-lua corpus

test-core: $(TEST_BIN)
	@for t in $(TEST_BIN); do $$t || exit 1; done

test-lua: $(BIN)
	$(NB) run tests/lua/run.lua $(NB)

corpus: $(BIN)
	$(NB) run tests/lua/corpus.lua ../shared/corpus/dev --strict

memcheck: $(BIN) $(TEST_BIN)
	@for t in $(TEST_BIN); do \
	  valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=9 $$t >/dev/null || exit 1; done
	@for f in examples/*.txt examples/broken/*.txt; do \
	  valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=9 \
	    $(NB) check --format json $$f >/dev/null; \
	  rc=$$?; [ $$rc -le 2 ] || { echo "valgrind: $$f (exit $$rc)"; exit 1; }; done
	@echo "memcheck: no leaks or memory errors"

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/nianbao
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/nianbao
	cp -r scripts rules $(DESTDIR)$(PREFIX)/share/nianbao/

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(MAKE) BUILD=build-asan CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" check-all

clean:
	rm -rf $(BUILD) build-asan
