/*
 * json: the JSON writer used for every line supplyline prints.  Strings
 * are escaped per RFC 8259 (control characters as \u00XX; U+2028/2029
 * escaped so the output is also safe JavaScript).  Reading JSON is left
 * to jansson (read/jsonl.c).
 */
#ifndef SL_JSON_H
#define SL_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

void json_str(buf *b, const char *s, size_t n);   /* "..." escaped */
void json_cstr(buf *b, const char *s);            /* NULL gives null */
void json_num(buf *b, double v);                  /* integers without .0 */
void json_amount(buf *b, double v);               /* json_num, null when < 0 (unknown) */
void json_uint(buf *b, uint64_t v);               /* decimal, without printf */

#endif
