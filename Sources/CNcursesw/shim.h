#ifndef BACKTRIAGE_CNCURSESW_SHIM_H
#define BACKTRIAGE_CNCURSESW_SHIM_H

/* SwiftPM drops the -D flags pkg-config prints, so the wide-character API must be asked for here,
   before any include. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncursesw/ncurses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

/* Macros Swift cannot import, as functions. */
static inline attr_t bt_attr_normal(void) { return A_NORMAL; }
static inline attr_t bt_attr_bold(void) { return A_BOLD; }
static inline attr_t bt_attr_reverse(void) { return A_REVERSE; }
static inline attr_t bt_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t bt_attr_dim(void) { return A_DIM; }
static inline attr_t bt_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline int bt_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int bt_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int bt_wcwidth(wchar_t c) { return wcwidth(c); }
/* stdscr is a mutable global, which Swift 6 refuses; this hands out the current screen's window. */
static inline WINDOW *bt_stdscr(void) { return stdscr; }
/* curscr too: clearok on it makes the next refresh send the whole screen (after Ctrl-Z and fg). */
static inline WINDOW *bt_curscr(void) { return curscr; }

/* The locale's character set, to choose between UTF-8 and ASCII drawing. */
static inline const char *bt_codeset(void) { return nl_langinfo(CODESET); }

/* Glibc's stdin/stdout are mutable globals that Swift 6 rejects; newterm takes FILE pointers
   made from the descriptors instead. */
static inline FILE *bt_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }

#endif
