# nianbao — build, test, install.
# Dependencies are Debian packages found with pkg-config: `make deps` installs them.

CC       ?= cc
PKGS     := lua5.4 yaml-0.1 libxml-2.0 libzip sqlite3 xlsxwriter
CFLAGS   ?= -O2 -g
XCFLAGS  := -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
            $(shell pkg-config --cflags $(PKGS))
LPEG_A   := -l:liblua5.4-lpeg.a
RE_LUA   := $(shell pkg-config --variable=prefix lua5.4-lpeg 2>/dev/null)/share/lua/5.4/re.lua
# Lua, SQLite and libyaml linked in, as LPeg is: their symbols need no lookup
# at start (nor Lua's calls the PLT). libxml2 (with ICU and libstdc++), libzip
# (with libcrypto) and libxlsxwriter are not linked: nb_dl.c opens each the
# first time a page, a Word file or a workbook needs it, by the soname of the
# library installed here, so a text check's start binds none of their symbols.
STATIC_A := -l:liblua5.4.a -l:libsqlite3.a -l:libyaml.a
soname    = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
DL_SONAMES := -DNB_LIBXML2_SONAME='"$(call soname,xml2)"' -DNB_LIBZIP_SONAME='"$(call soname,zip)"' \
              -DNB_LIBXLSXWRITER_SONAME='"$(call soname,xlsxwriter)"'
XCFLAGS  += $(DL_SONAMES)
LDLIBS   := $(LPEG_A) $(STATIC_A) -lm
PREFIX   ?= /usr/local
BUILD    ?= build
DEBS     := build-essential pkg-config liblua5.4-dev lua-lpeg lua-lpeg-dev \
            libyaml-dev libxml2-dev libzip-dev libcmocka-dev poppler-utils wv valgrind xxd \
            libsqlite3-dev libxlsxwriter-dev

CORE_SRC := core/nb_num.c core/nb_report.c core/nb_ident.c core/nb_finding.c \
            core/nb_yaml.c core/nb_html.c core/nb_text.c core/nb_encoding.c core/nb_sandbox.c core/nb_zip.c core/nb_lua.c core/nb_boot.c \
            core/nb_db.c core/nb_sheet.c core/nb_similar.c core/nb_jobs.c core/nb_marshal.c core/nb_json.c \
            core/nb_chunks.c core/nb_seen.c core/nb_dl.c core/nb_grammar_image.c core/nb_claims.c
# the bundled scripts, precompiled into the binary (nb_chunks.h)
SCRIPTS  := $(wildcard scripts/*/*.lua rules/*/*.lua)
# (with no grammar images: the tests' and the binary that makes the images link these)
CORE_OBJ := $(CORE_SRC:core/%.c=$(BUILD)/%.o) $(BUILD)/nb_chunks_data.o $(BUILD)/nb_grammar_images_none.o \
            $(BUILD)/nb_format_images_none.o
BIN      := $(BUILD)/nianbao
NB       := $(BIN)

.PHONY: all deps demo bench test test-browser check-all test-core test-lua corpus memcheck asan fuzz fuzz-deps install man clean claim-starts

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

$(BUILD)/main.o: core/main.c core/*.h | $(BUILD)
	$(CC) $(CFLAGS) $(XCFLAGS) -DNB_HOME='"$(PREFIX)/share/nianbao"' -c $< -o $@

$(BUILD)/nb_boot.o: core/nb_boot.c core/*.h $(BUILD)/re_lua.h
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(BUILD) -c $< -o $@

$(BUILD)/nb_chunkgen: core/nb_chunkgen.c core/nb_chunks.h | $(BUILD)
	$(CC) -O1 $(XCFLAGS) -o $@ $< $(shell pkg-config --libs lua5.4)

$(BUILD)/nb_chunks_data.c: $(BUILD)/nb_chunkgen $(BUILD)/re_lua.h $(SCRIPTS)
	$(BUILD)/nb_chunkgen $@ $(BUILD)/re.lua $(SCRIPTS)

$(BUILD)/nb_chunks_data.o: $(BUILD)/nb_chunks_data.c core/nb_chunks.h
	$(CC) $(CFLAGS) $(XCFLAGS) -Icore -c $< -o $@

# The grammar images (nb_grammar_image.h): the bundled packs' grammars as a
# binary without images compiles them checking the examples, the C source of
# those images, and the binary linked with it.
IMAGE_RUN := examples/jiuqu-2024.txt
images_c = { echo '\#include "nb_grammar_image.h"'; echo 'const unsigned char nb_grammar_images[] = {'; \
             xxd -i < $(1) | sed 's/[^,]$$/&,/'; echo '0 };'; \
             echo 'const size_t nb_grammar_images_len = sizeof nb_grammar_images - 1;'; } > $(2)

$(BUILD)/nb_grammar_images_none.c: | $(BUILD)
	: > $(BUILD)/grammar_images.none
	$(call images_c,$(BUILD)/grammar_images.none,$@)

$(BUILD)/nianbao-plain: $(BUILD)/main.o $(CORE_OBJ)
	$(CC) $(CFLAGS) $(XCFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/grammar_images.bin: $(BUILD)/nianbao-plain $(SCRIPTS) $(IMAGE_RUN)
	rm -f $@.part
	NB_GRAMMAR_IMAGES_OUT=$@.part $(BUILD)/nianbao-plain check --format json -j1 $(IMAGE_RUN) > /dev/null; [ $$? -le 2 ]
	touch $@.part && mv $@.part $@

$(BUILD)/nb_grammar_images_data.c: $(BUILD)/grammar_images.bin
	$(call images_c,$<,$@)

$(BUILD)/nb_grammar_images_%.o: $(BUILD)/nb_grammar_images_%.c core/nb_grammar_image.h
	$(CC) $(CFLAGS) $(XCFLAGS) -Icore -c $< -o $@

# The format images (nb_chunks.h): the national formats' compiled tables,
# as the binary without them compiles them (format.compiled_data), in the
# binary linked with them; a check takes them where the formats' files and
# the code that compiles them are the build's (packs.lua).
format_images_c = { echo '\#include "nb_chunks.h"'; echo 'const unsigned char nb_format_images[] = {'; \
                    xxd -i < $(1) | sed 's/[^,]$$/&,/'; echo '0 };'; \
                    echo 'const size_t nb_format_images_len = sizeof nb_format_images - 1;'; } > $(2)

$(BUILD)/nb_format_images_none.c: | $(BUILD)
	: > $(BUILD)/format_images.none
	$(call format_images_c,$(BUILD)/format_images.none,$@)

$(BUILD)/format_images.bin: $(BUILD)/nianbao-plain $(SCRIPTS)
	$(BUILD)/nianbao-plain run scripts/tools/format_images.lua $@.part && mv $@.part $@

$(BUILD)/nb_format_images_data.c: $(BUILD)/format_images.bin
	$(call format_images_c,$<,$@)

$(BUILD)/nb_format_images_%.o: $(BUILD)/nb_format_images_%.c core/nb_chunks.h
	$(CC) $(CFLAGS) $(XCFLAGS) -Icore -c $< -o $@

$(BIN): $(BUILD)/main.o $(filter-out $(BUILD)/nb_grammar_images_none.o $(BUILD)/nb_format_images_none.o,$(CORE_OBJ)) \
        $(BUILD)/nb_grammar_images_data.o $(BUILD)/nb_format_images_data.o
	$(CC) $(CFLAGS) $(XCFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

claim-starts: $(BIN) ; $(BIN) run tests/tools/claim_starts.lua > $(BUILD)/claim_starts.lua && mv $(BUILD)/claim_starts.lua scripts/lib/claim_starts.lua

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
BROWSER_DEBS := chromium fonts-wqy-microhei
test: deps
	@$(MAKE) deps DEBS="$(BROWSER_DEBS)"
	$(MAKE) check-all test-browser

# The review page and the dashboard in headless Chromium (their DOM, and screenshots in
# $(BUILD)/review/ and $(BUILD)/dashboard/).
test-browser: $(BIN)
	$(NB) run tests/browser/review.lua $(NB) $(BUILD)
	$(NB) run tests/browser/dashboard.lua $(NB) $(BUILD)

check-all: test-core test-lua corpus

test-core: $(TEST_BIN)
	@for t in $(TEST_BIN); do $$t || exit 1; done

test-lua: $(BIN)
	$(NB) run tests/lua/run.lua $(NB)

# The real reports in tests/corpus (copies of the shared corpus), and the
# shared corpus itself when it is beside the repository.
SHARED_CORPUS ?= ../shared/corpus/dev
corpus: $(BIN)
	$(NB) run tests/lua/corpus.lua tests/corpus --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/shapes --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/probe22 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose22 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/platforms23 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose23 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose25 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose26 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose27 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/parts28 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/parts29 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose28 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose29 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose30 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose31 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose32 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose33 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/prose34 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/convert23 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/meta23 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/meta24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile23 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/dumps24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdf24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/markdown24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/text25 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/text26 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/tables24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/html24 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/print25 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/print25b --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile25b --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile26 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/whole25 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/whole25/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/docx26 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/docx26/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/html25 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/html26 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/html27 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile25 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdfhtml26 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/copies27 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/gettext29 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/node30 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/extract31 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdflayout29 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/word30 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/revised31 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/convert27 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/convert34 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/ocr27 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/mupdf27 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/browsers28 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/browsers29 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdftext28 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdftext29 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdfjs30 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/pdfjs31 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/wrong32 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/wrong33 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/wrong34 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/wrong34/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile27 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile27/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile28 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile28/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile29 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile30 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile31 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/pointers32 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile32 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile33 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/hostile33/unread --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/blind31 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/blind32 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/blind33 --strict
	$(NB) run tests/lua/corpus.lua tests/fixtures/blind33/printed --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/blind34 --no-wrong
	$(NB) run tests/lua/corpus.lua tests/fixtures/ofd33 --strict
	@if [ -d $(SHARED_CORPUS) ]; then $(NB) run tests/lua/corpus.lua $(SHARED_CORPUS) --strict; fi

# the loader's records of a library opened later and never unloaded are not leaks
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=9 \
            --suppressions=tests/valgrind/loader.supp
memcheck: $(BIN) $(TEST_BIN)
	@for t in $(TEST_BIN); do \
	  $(VALGRIND) $$t >/dev/null || exit 1; done
	@for f in examples/*.txt examples/broken/*.txt; do \
	  $(VALGRIND) \
	    $(NB) check --format json $$f >/dev/null; \
	  rc=$$?; [ $$rc -le 2 ] || { echo "valgrind: $$f (exit $$rc)"; exit 1; }; done
	@rm -rf $(BUILD)/memcheck && mkdir -p $(BUILD)/memcheck
	@$(VALGRIND) \
	  $(NB) check -j 1 --format html --db $(BUILD)/memcheck/a.db --baseline $(BUILD)/memcheck/b.yaml \
	  -o $(BUILD)/memcheck/out examples/previous examples/jiuqu-2024.txt examples/broken/t3-balance.txt >/dev/null; \
	  rc=$$?; [ $$rc -le 2 ] || { echo "valgrind: a batch with the archive (exit $$rc)"; exit 1; }
	@$(VALGRIND) --child-silent-after-fork=yes \
	  $(NB) check -j 2 --format json --db $(BUILD)/memcheck/j.db examples/previous examples/broken/t3-balance.txt \
	  examples/broken/txt-new.txt examples/broken/val-blank.txt >/dev/null; \
	  rc=$$?; [ $$rc -le 2 ] || { echo "valgrind: a batch over two worker processes (exit $$rc)"; exit 1; }
	@$(VALGRIND) \
	  $(NB) sum examples/previous examples/jiuqu-2024.txt --sheet $(BUILD)/memcheck/s.xlsx \
	  -o $(BUILD)/memcheck/s.yaml 2>/dev/null; \
	  rc=$$?; [ $$rc -le 2 ] || { echo "valgrind: sum and its sheet (exit $$rc)"; exit 1; }
	@echo "memcheck: no leaks or memory errors"

# Man pages from the pages that are also Markdown in the repository, and
# nianbao(1) from the command line's own help (Chinese; English under en/).
MAN7 := $(BUILD)/man/nianbao-packs.7
MAN7_EN := $(BUILD)/man/en/nianbao-packs.7
MAN1 := $(BUILD)/man/nianbao.1
MAN1_EN := $(BUILD)/man/en/nianbao.1
COMPLETION := $(BUILD)/completion/nianbao
$(MAN7): rules/README.zh.md scripts/tools/man.lua $(BIN)
	mkdir -p $(BUILD)/man
	$(NB) run scripts/tools/man.lua rules/README.zh.md nianbao-packs 7 "nianbao packs" > $@
$(MAN7_EN): rules/README.md scripts/tools/man.lua $(BIN)
	mkdir -p $(BUILD)/man/en
	$(NB) run scripts/tools/man.lua rules/README.md nianbao-packs 7 "nianbao packs" > $@
$(MAN1) $(MAN1_EN): scripts/lib/messages.lua scripts/lib/usage.lua scripts/tools/man1.lua scripts/tools/man.lua $(BIN)
	mkdir -p $(BUILD)/man/en
	$(NB) run scripts/tools/man1.lua zh > $(BUILD)/man/nianbao.1.md
	$(NB) run scripts/tools/man.lua $(BUILD)/man/nianbao.1.md nianbao 1 "nianbao" > $(MAN1)
	$(NB) run scripts/tools/man1.lua en > $(BUILD)/man/en/nianbao.1.md
	$(NB) run scripts/tools/man.lua $(BUILD)/man/en/nianbao.1.md nianbao 1 "nianbao" > $(MAN1_EN)
$(COMPLETION): scripts/lib/usage.lua $(BIN)
	mkdir -p $(BUILD)/completion
	$(NB) completion bash > $@
man: $(MAN7) $(MAN7_EN) $(MAN1) $(MAN1_EN)

install: all man $(COMPLETION)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/nianbao $(DESTDIR)$(PREFIX)/share/man/man7 \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/en/man1 $(DESTDIR)$(PREFIX)/share/man/en/man7 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/doc/nianbao
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/nianbao
	cp -r scripts rules $(DESTDIR)$(PREFIX)/share/nianbao/
	install -m 644 $(MAN7) $(DESTDIR)$(PREFIX)/share/man/man7/
	install -m 644 $(MAN7_EN) $(DESTDIR)$(PREFIX)/share/man/en/man7/
	cp -r examples $(DESTDIR)$(PREFIX)/share/doc/nianbao/
	install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(MAN1_EN) $(DESTDIR)$(PREFIX)/share/man/en/man1/
	install -m 644 $(COMPLETION) $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nianbao

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(MAKE) BUILD=build-asan CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" check-all

# --- benchmark -----------------------------------------------------------------
# tests/tools/bench.sh: reports a second on one core for generated scraped
# text, CMS pages and PDF text; peak memory at 1,000 and 10,000 files;
# -j1 against -jN beside N copies of a CPU-bound loop; the time against
# `cat`; start-up. The table it prints is the one in the README. The
# reports are generated once into $(BUILD)/bench/gen (BENCH_N of each shape).
BENCH_N ?= 1000
bench: $(BIN)
	tests/tools/bench.sh $(NB) $(BUILD)/bench $(BENCH_N)

# --- fuzzing (libFuzzer, clang) ----------------------------------------------
FUZZ_SECONDS ?= 10
FUZZ_DIR     := build-fuzz
FUZZ_CFLAGS  := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
FUZZ_NATIVE  := num ident
FUZZ_LUA     := yaml htmltree text html docx zip rule
FUZZ_BINS    := $(FUZZ_NATIVE:%=$(FUZZ_DIR)/fuzz_%) $(FUZZ_LUA:%=$(FUZZ_DIR)/fuzz_lua_%)
FUZZ_DEBS    := clang libclang-rt-14-dev

fuzz-deps:
	@$(MAKE) deps DEBS="$(FUZZ_DEBS)"

$(FUZZ_DIR)/core.stamp: $(CORE_SRC) core/*.h
	$(MAKE) BUILD=$(FUZZ_DIR) CC=clang CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" $(CORE_OBJ:$(BUILD)/%=$(FUZZ_DIR)/%)
	touch $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DIR)/core.stamp
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(XCFLAGS) -Icore -o $@ $< $(CORE_OBJ:$(BUILD)/%=$(FUZZ_DIR)/%) $(LDLIBS)

$(FUZZ_DIR)/fuzz_lua_%: tests/fuzz/fuzz_lua.c $(FUZZ_DIR)/core.stamp
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(XCFLAGS) -Icore -DFUZZ_TARGET='"$*"' \
	  -DNB_SOURCE_HOME='"$(CURDIR)"' -o $@ $< $(CORE_OBJ:$(BUILD)/%=$(FUZZ_DIR)/%) $(LDLIBS)

# Each target for FUZZ_SECONDS, seeded from the corpus and the examples;
# then every saved regression input again. A crash stops the run.
fuzz: $(FUZZ_BINS)
	@mkdir -p $(FUZZ_DIR)/crashes
	@for t in $(FUZZ_BINS); do \
	  name=$$(basename $$t); seeds=$(FUZZ_DIR)/seeds/$$name; mkdir -p $$seeds; \
	  case $$name in \
	    fuzz_num) printf '96171.6' > $$seeds/a; printf -- '-15' > $$seeds/b ;; \
	    fuzz_ident) printf 't3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}' > $$seeds/a; \
	                printf '{r}.total = t3.result.deny.*.np' > $$seeds/b ;; \
	    fuzz_lua_yaml) cp tests/corpus/*.yaml examples/broken/*.yaml $$seeds/ 2>/dev/null ;; \
	    fuzz_lua_rule) ;; \
	    fuzz_lua_docx) ;; \
	    fuzz_lua_zip) cp tests/fixtures/shapes/*.docx tests/fixtures/word/*.docx $$seeds/ 2>/dev/null ;; \
	    *html*) cp tests/corpus/*.html tests/fixtures/*.html $$seeds/ 2>/dev/null ;; \
	    *) cp tests/corpus/*.txt examples/*.txt examples/broken/t3-balance.txt \
	          examples/broken/val-glued.txt $$seeds/ 2>/dev/null ;; \
	  esac; \
	  echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
	      -artifact_prefix=$(FUZZ_DIR)/crashes/$$name- $$seeds tests/fuzz/regressions/$$name \
	      > $(FUZZ_DIR)/$$name.log 2>&1 || { tail -40 $(FUZZ_DIR)/$$name.log; exit 1; }; \
	  tail -1 $(FUZZ_DIR)/$$name.log; \
	done
	@echo "fuzz: no crash"

clean:
	rm -rf $(BUILD) build-asan $(FUZZ_DIR)
