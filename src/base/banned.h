/*
 * banned.h: functions that invite overflows are compile errors here.
 * Use buf_add/buf_addf (buf.h) or snprintf instead.
 */
#ifndef SL_BANNED_H
#define SL_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function
#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)

#endif
