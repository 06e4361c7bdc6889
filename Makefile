# supplyline: `make` builds build/supplyline; `make test` runs every test;
# `make SANITIZE=1 ...` builds with AddressSanitizer + UBSan into build-san/.

CC      ?= cc
PKGS    := libxml-2.0 zlib libutf8proc sqlite3 libpq jansson
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-unused-parameter
CFLAGS  += -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -include src/base/banned.h \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -I$(shell pg_config --includedir 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

ifeq ($(SANITIZE),1)
B       := build-san
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else
B       := build
endif

SRC     := $(shell find src -name '*.c' ! -name main.c ! -path 'src/cmd/*' | sort)
CMDSRC  := src/main.c $(wildcard src/cmd/*.c)
OBJ     := $(SRC:%.c=$(B)/obj/%.o)
CMDOBJ  := $(CMDSRC:%.c=$(B)/obj/%.o)
TESTSRC := $(wildcard tests/unit/test_*.c)
TESTBIN := $(TESTSRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all test unit cases eval bench clean fuzz
all: $(B)/supplyline
ifeq ($(SANITIZE),1)
	@ln -sfn ../$(B)/supplyline build/supplyline-san 2>/dev/null || true
endif

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/libsupplyline.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/supplyline: $(CMDOBJ) $(B)/libsupplyline.a
	$(CC) $(LDFLAGS) -o $@ $(CMDOBJ) $(B)/libsupplyline.a $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libsupplyline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(B)/libsupplyline.a $(LDLIBS) -lcmocka

unit: $(TESTBIN)
	@set -e; for t in $(TESTBIN); do echo "== $$t"; SL_DATA=data SL_TESTS=tests $$t; done

cases: $(B)/supplyline
	@SL_BIN=$(B)/supplyline tests/run_cases.sh

test: unit cases
	@SL_BIN=$(B)/supplyline tests/run_shell.sh

eval: $(B)/supplyline
	@tests/eval.sh $(B)/supplyline

bench:
	@$(MAKE) --no-print-directory OPT="-O3 -march=native -g" B=build-bench all
	@bench/run.sh build-bench/supplyline

clean:
	rm -rf build build-san build-bench

-include $(OBJ:.o=.d) $(CMDOBJ:.o=.d)
