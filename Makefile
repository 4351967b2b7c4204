# followback: see README.md. GNU make.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/followback
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

CC ?= cc
CFLAGS ?= -O2 -g
# Warnings stay on even when CFLAGS is given on the command line.
override CFLAGS := -std=c11 -Wall -Wextra $(CFLAGS)
PKG_CONFIG ?= pkg-config
PKGS = libpcre2-8 libutf8proc libcurl libarchive libcrypto
# Debian's libjq 1.6 ships no .pc file.
override CPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) $(CPPFLAGS)
LDLIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -ljq -lm -pthread

# B is the build directory; the sanitizer build uses its own.
B ?= build
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# make check builds on every CPU unless make was given its own -j.
CHECK_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))

PROGS = \
	bsky-followers \
	bsky-mentions \
	bsky-timeline \
	bsky-user \
	fb-detect \
	fb-diff \
	fb-report \
	fb-score \
	fb-suggest \
	masto-followers \
	masto-mentions \
	masto-timeline \
	masto-user \
	tw-auth \
	tw-followers \
	tw-archive \
	tw-mentions \
	tw-timeline \
	tw-user

LIBSRC = \
	lib/apipage.c \
	lib/archrec.c \
	lib/bsky.c \
	lib/bskyauth.c \
	lib/bskyrec.c \
	lib/buf.c \
	lib/callback.c \
	lib/client.c \
	lib/cli.c \
	lib/conf.c \
	lib/detect.c \
	lib/detectmodel.c \
	lib/fbkey.c \
	lib/fetch.c \
	lib/html.c \
	lib/httpurl.c \
	lib/idset.c \
	lib/setdiff.c \
	lib/interrupt.c \
	lib/jqexpr.c \
	lib/json.c \
	lib/lexicon.c \
	lib/links.c \
	lib/literals.c \
	lib/lookup.c \
	lib/llm.c \
	lib/markdown.c \
	lib/masto.c \
	lib/mastofetch.c \
	lib/mastopage.c \
	lib/mastorec.c \
	lib/mastotext.c \
	lib/netbsky.c \
	lib/netmasto.c \
	lib/netx.c \
	lib/ngrams.c \
	lib/oauth.c \
	lib/output.c \
	lib/owned.c \
	lib/posts.c \
	lib/ptvariant.c \
	lib/rank.c \
	lib/report.c \
	lib/relevance.c \
	lib/rules.c \
	lib/score.c \
	lib/signals.c \
	lib/signin.c \
	lib/sink.c \
	lib/suggest.c \
	lib/addressee.c \
	lib/postkind.c \
	lib/quote.c \
	lib/template.c \
	lib/stream.c \
	lib/svg.c \
	lib/textnorm.c \
	lib/timeline.c \
	lib/usertoken.c \
	lib/util.c \
	lib/width.c \
	lib/xapi.c \
	lib/xarchive.c

UNITS = \
	test-json \
	test-json-vs-jq \
	test-textnorm \
	test-ngrams \
	test-rules \
	test-fbkey \
	test-idset \
	test-client \
	test-ptvariant \
	test-archrec \
	test-rank \
	test-fetch \
	test-report \
	test-width \
	test-mastotext \
	test-masto \
	test-mastorec \
	test-mastopage \
	test-oauth

DATA = share/detect.rules share/detect.model share/score.rules share/suggest.templates

LIBOBJ = $(LIBSRC:%.c=$(B)/%.o)
BINS = $(PROGS:%=$(B)/%)
UNITBINS = $(UNITS:%=$(B)/tests/%)

all: $(BINS) $(B)/detect-features

$(B)/%.o: %.c lib/*.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libfollowback.a: $(LIBOBJ)
	rm -f $@
	$(AR) rc $@ $(LIBOBJ)

# The default rules are embedded, so the programs work uninstalled.
$(B)/%_rules.c: share/%.rules tools/embed.sh
	@mkdir -p $(B)
	sh tools/embed.sh default_$*_rules share/$*.rules > $@

# The model's weights too, parsed here rather than at each start
# (tools/model-image.c); "make weights" trains them again (tools/train-detect.py).
$(B)/model-image: $(B)/tools/model-image.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/tools/model-image.o $(B)/libfollowback.a $(LDLIBS)

$(B)/detect_model_image.c: share/detect.model $(B)/model-image
	$(B)/model-image share/detect.model > $@.tmp && mv $@.tmp $@

$(B)/fb-detect: $(B)/cmd/fb-detect.o $(B)/detect_rules.o $(B)/detect_model_image.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/cmd/fb-detect.o $(B)/detect_rules.o $(B)/detect_model_image.o $(B)/libfollowback.a $(LDLIBS)

# The n-grams of texts, for training; not installed.
$(B)/detect-features: $(B)/tools/detect-features.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/tools/detect-features.o $(B)/libfollowback.a $(LDLIBS)

# The learned weights, from tests/data: fb-detect's model first, then, with
# fb-detect rebuilt on it (fb-score's data goes through fb-detect), the
# points of fb-score.
weights: $(B)/detect-features $(B)/fb-detect
	python3 tools/train-detect.py --features $(B)/detect-features --fb-detect $(B)/fb-detect \
		-o share/detect.model
	@$(MAKE) --no-print-directory $(B)/fb-detect $(B)/fb-score
	python3 tools/fit-score.py --bin $(B) --write share/score.rules
	@$(MAKE) --no-print-directory $(B)/fb-score

$(B)/suggest_templates.c: share/suggest.templates tools/embed.sh
	@mkdir -p $(B)
	sh tools/embed.sh default_suggest_templates share/suggest.templates > $@

$(B)/fb-suggest: $(B)/cmd/fb-suggest.o $(B)/suggest_templates.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/cmd/fb-suggest.o $(B)/suggest_templates.o $(B)/libfollowback.a $(LDLIBS)

$(B)/fb-score: $(B)/cmd/fb-score.o $(B)/score_rules.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/cmd/fb-score.o $(B)/score_rules.o $(B)/libfollowback.a $(LDLIBS)

$(B)/fb-diff: $(B)/cmd/fb-diff.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libfollowback.a $(LDLIBS)

# fb-report reads the default rules for the thresholds and points it shows.
$(B)/fb-report: $(B)/cmd/fb-report.o $(B)/score_rules.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/cmd/fb-report.o $(B)/score_rules.o $(B)/libfollowback.a $(LDLIBS)

$(B)/tw-%: $(B)/cmd/tw-%.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libfollowback.a $(LDLIBS)

$(B)/bsky-%: $(B)/cmd/bsky-%.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libfollowback.a $(LDLIBS)

$(B)/masto-%: $(B)/cmd/masto-%.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libfollowback.a $(LDLIBS)

# The unit tests link the embedded default rules too: test-rules checks them.
$(B)/tests/%: $(B)/tests/unit/%.o $(B)/detect_rules.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/detect_rules.o $(B)/libfollowback.a $(LDLIBS) -lm

# test-ngrams checks the model's image against the model file's text.
$(B)/detect_model.c: share/detect.model tools/embed.sh
	@mkdir -p $(B)
	sh tools/embed.sh default_detect_model_text share/detect.model > $@

$(B)/tests/test-ngrams: $(B)/tests/unit/test-ngrams.o $(B)/detect_model.o $(B)/detect_model_image.o $(B)/libfollowback.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/detect_model.o $(B)/detect_model_image.o $(B)/libfollowback.a $(LDLIBS) -lm

$(B)/tests/unit/%.o: tests/unit/%.c tests/unit/tap.h lib/*.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) -c $< -o $@

units: $(UNITBINS)

# The two commands of the README: both check for (and install, as root) what they need.
deps:
	@sh tools/deps.sh build

demo:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh $(B)

check:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory $(CHECK_JOBS) all units
	@$(MAKE) --no-print-directory $(CHECK_JOBS) B=build-san CFLAGS="$(SAN_FLAGS)" all units
	@sh tests/run build build-san

# A fake X API with the sample account, for trying the tw- programs with
# no token (tools/sandbox.sh says how); Ctrl-C stops it.
sandbox:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory all
	@sh tools/sandbox.sh

bench:
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory all
	@FB_DETECT=$(B)/fb-detect bash tests/bench/detect.sh
	@FB_SCORE=$(B)/fb-score bash tests/bench/score.sh
	@TW_FOLLOWERS=$(B)/tw-followers bash tests/bench/fetch.sh
	@FB_DIFF=$(B)/fb-diff bash tests/bench/diff.sh

# libFuzzer targets (clang): make fuzz FUZZ_SECONDS=60
FUZZERS = fuzz-json fuzz-textnorm fuzz-literals
FUZZ_SECONDS ?= 30
fuzz:
	@mkdir -p build-fuzz
	@for f in $(FUZZERS); do \
		clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(CPPFLAGS) \
			-o build-fuzz/$$f tests/fuzz/$$f.c $(LIBSRC) $(LDLIBS) || exit 1; \
		mkdir -p build-fuzz/corpus-$$f; \
		build-fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus-$$f || exit 1; \
	done

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)/
	install -m 0644 $(PROGS:%=man/%.1) $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(DATA) $(DESTDIR)$(DATADIR)/
	install -m 0644 completions/bash/followback $(DESTDIR)$(BASHCOMPDIR)/followback
	for p in $(PROGS); do ln -sf followback $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	install -m 0644 completions/zsh/_followback $(DESTDIR)$(ZSHCOMPDIR)/_followback

uninstall:
	for p in $(PROGS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1 \
			$(DESTDIR)$(BASHCOMPDIR)/$$p; \
	done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/followback $(DESTDIR)$(ZSHCOMPDIR)/_followback
	rm -f $(DATA:share/%=$(DESTDIR)$(DATADIR)/%)
	-rmdir $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all units deps demo check bench fuzz install uninstall clean weights sandbox
.SECONDARY:
