/*
 * Unit tests for the base layer's JSON output: numbers are printed as
 * "%.0f" prints whole ones and "%.17g" the others, whatever path
 * json_num takes to get there, and strings are escaped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "base/json.h"

static void expect_num(double v)
{
	char want[64];
	if (v == floor(v) && fabs(v) < 9e15)
		snprintf(want, sizeof want, "%.0f", v);
	else
		snprintf(want, sizeof want, "%.17g", v);
	buf b = BUF_INIT;
	json_num(&b, v);
	assert_string_equal(b.p, want);
	buf_release(&b);
}

static void test_json_num(void **state)
{
	(void)state;
	const double v[] = {
		0, -0.0, 1, -1, 7, 10, 99, 100, 5000, 1e6, 2.5e9, -123456789,
		9007199254740991.0, 8999999999999999.0, -8999999999999999.0,
		9e15, 1e16, 1e300, 0.5, -0.25, 1.5e6, 3.14159, 1e-9
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		expect_num(v[i]);
	buf b = BUF_INIT;
	json_num(&b, NAN);
	assert_string_equal(b.p, "null");
	buf_release(&b);
}

static void test_json_str(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	json_cstr(&b, "a \"b\" \\ c\n\td\x01 \xE2\x80\xA8 long enough to pass eight at a time");
	assert_string_equal(b.p, "\"a \\\"b\\\" \\\\ c\\n\\td\\u0001 \\u2028 long enough to pass "
	                         "eight at a time\"");
	buf_reset(&b);
	json_cstr(&b, NULL);
	assert_string_equal(b.p, "null");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_num),
		cmocka_unit_test(test_json_str),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
