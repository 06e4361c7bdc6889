# fuzz.mk: libFuzzer harnesses (fuzz/fuzz_<name>.c) and their replay.
# Included at the end of the Makefile, so SRC, CFLAGS, LDLIBS and B are set.
#
#   make fuzz [FUZZ_TIME=60] [FUZZ=lex]   build every harness (or those in
#       FUZZ) with clang -fsanitize=fuzzer,address,undefined into
#       $(FUZZ_B)/ and run each for FUZZ_TIME seconds over its seeds in
#       fuzz/corpus/<name>/; new inputs go to $(FUZZ_B)/corpus/<name>/,
#       crashers to fuzz/crashers/<name>/ (commit them: they are replayed).
#       `make -j2 fuzz` runs two harnesses at a time.  Needs clang-14 and
#       libclang-rt-14-dev.
#   make fuzz-merge [FUZZ=...]   shrink fuzz/corpus/<name>/ to the inputs
#       that keep its coverage, taking in what `make fuzz` found (libFuzzer
#       -merge=1): the seeds that are worth committing.
#   make fuzz-replay [SANITIZE=1]   the normal compiler: every harness
#       over every seed and crasher (and the empty input), like SQLite's
#       fuzzcheck, so tests catch a regression without clang.

FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_B     ?= build-fuzzer
FUZZ_ALL   := $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ       ?= $(FUZZ_ALL)
FUZZ_SAN   := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wno-unused-parameter -include src/base/banned.h \
              $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -I$(shell pg_config --includedir 2>/dev/null) \
              $(FUZZ_SAN) -fsanitize=fuzzer-no-link
# inputs are capped per harness: readers see whole files, the rest sentences
FUZZ_MAXLEN_read_html  := 65536
FUZZ_MAXLEN_read_warc  := 65536
FUZZ_MAXLEN_read_gz    := 65536
FUZZ_MAXLEN_read_jsonl := 65536
FUZZ_MAXLEN_extract    := 16384
FUZZ_MAXLEN_lex        := 16384
FUZZ_OBJ   := $(SRC:%.c=$(FUZZ_B)/obj/%.o)

.PHONY: fuzz fuzz-build fuzz-merge fuzz-replay $(FUZZ:%=fuzz-run-%) $(FUZZ:%=fuzz-merge-%)

fuzz: $(FUZZ:%=fuzz-run-%)
	@echo "fuzz: done ($(FUZZ_TIME) s each); logs in $(FUZZ_B)/log/"

fuzz-build: $(FUZZ:%=$(FUZZ_B)/fuzz_%)

$(FUZZ_B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_B)/libsupplyline.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_B)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_B)/libsupplyline.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Isrc -fsanitize=fuzzer -o $@ $< $(FUZZ_B)/libsupplyline.a $(LDLIBS)

# One harness: libFuzzer exits non-zero on a crash, leak or UBSan report,
# having written the input to fuzz/crashers/<name>/.
$(FUZZ:%=fuzz-run-%): fuzz-run-%: $(FUZZ_B)/fuzz_%
	@mkdir -p $(FUZZ_B)/corpus/$* $(FUZZ_B)/log fuzz/crashers/$* fuzz/corpus/$*
	@echo "fuzz $*: $(FUZZ_TIME) s..."
	@SL_DATA=data ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_$* \
	    -max_total_time=$(FUZZ_TIME) -max_len=$(or $(FUZZ_MAXLEN_$*),8192) -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=fuzz/crashers/$*/ \
	    $(FUZZ_B)/corpus/$* fuzz/corpus/$* >$(FUZZ_B)/log/$*.log 2>&1; \
	  rc=$$?; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_B)/log/$*.log); \
	  cov=$$(grep -o 'cov: [0-9]*' $(FUZZ_B)/log/$*.log | tail -1); \
	  echo "fuzz $*: $${runs:-?} runs, $$cov, exit $$rc"; \
	  if [ $$rc -ne 0 ]; then grep -E 'ERROR|SUMMARY|runtime error|Test unit written' $(FUZZ_B)/log/$*.log | head -20; exit 1; fi

fuzz-merge: $(FUZZ:%=fuzz-merge-%)

$(FUZZ:%=fuzz-merge-%): fuzz-merge-%: $(FUZZ_B)/fuzz_%
	@rm -rf $(FUZZ_B)/merge/$* && mkdir -p $(FUZZ_B)/merge/$* $(FUZZ_B)/corpus/$* fuzz/corpus/$*
	@SL_DATA=data $(FUZZ_B)/fuzz_$* -merge=1 -max_len=$(or $(FUZZ_MAXLEN_$*),8192) \
	    $(FUZZ_B)/merge/$* fuzz/corpus/$* $(FUZZ_B)/corpus/$* >$(FUZZ_B)/merge/$*.log 2>&1 || \
	  { tail -20 $(FUZZ_B)/merge/$*.log; exit 1; }
	@rm -rf fuzz/corpus/$* && mv $(FUZZ_B)/merge/$* fuzz/corpus/$*
	@echo "fuzz-merge $*: $$(ls fuzz/corpus/$* | wc -l) seeds"

# The replay driver: each harness compiled by the normal compiler with its
# entry point renamed, all linked into one binary with fuzz/replay.c.
$(B)/fuzz/obj/fuzz_%.o: fuzz/fuzz_%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -DFUZZ_REPLAY -DLLVMFuzzerTestOneInput=sl_fuzz_$* -MMD -MP -c $< -o $@

$(B)/fuzz/replay: fuzz/replay.c $(FUZZ_ALL:%=$(B)/fuzz/obj/fuzz_%.o) $(B)/libsupplyline.a
	$(CC) $(CFLAGS) -Isrc '-DFUZZ_HARNESSES=$(foreach h,$(FUZZ_ALL),X($(h)))' $(LDFLAGS) -o $@ \
	    fuzz/replay.c $(FUZZ_ALL:%=$(B)/fuzz/obj/fuzz_%.o) $(B)/libsupplyline.a $(LDLIBS)

fuzz-replay: $(B)/fuzz/replay
	@SL_DATA=data $(B)/fuzz/replay fuzz || { echo "fuzz-replay: failed; again, naming each input:"; \
	  SL_DATA=data $(B)/fuzz/replay -v fuzz 2>&1 | tail -40; exit 1; }

-include $(FUZZ_OBJ:.o=.d) $(FUZZ_ALL:%=$(B)/fuzz/obj/fuzz_%.d)
