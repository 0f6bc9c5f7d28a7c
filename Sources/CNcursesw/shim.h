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
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
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

/* The locale's character set, to choose between UTF-8 and ASCII drawing. */
static inline const char *bt_codeset(void) { return nl_langinfo(CODESET); }

/* Glibc's stdin/stdout are mutable globals that Swift 6 rejects; newterm takes FILE pointers
   made from the descriptors instead. */
static inline FILE *bt_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }

/* Termination signals (TERM, HUP, INT, QUIT) only record which signal came; the event loop polls it and shuts down in
   order. The flag and the saved terminal settings are static: every call below must come from a
   single Swift source file, or each object file would get its own copy. */
static volatile sig_atomic_t bt_pending_signal = 0;
static int bt_saved_termios_valid = 0;

static inline struct termios *bt_saved_termios(void) {
    static struct termios saved;
    return &saved;
}

static void bt_on_termination(int sig) { bt_pending_signal = sig; }

static inline void bt_install_termination_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = bt_on_termination;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* raw() turns Ctrl-C into a key, but `kill -INT` and `kill -QUIT` still arrive as signals. */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}

static inline int bt_take_pending_signal(void) {
    int sig = bt_pending_signal;
    bt_pending_signal = 0;
    return sig;
}

/* A crash must not leave the terminal raw: restore the settings saved at start (tcsetattr and
   write are async-signal-safe), say so in one line, and die of the same signal. */
static void bt_on_fatal(int sig) {
    static const char message[] = "\r\nbacktriage: crashed; the terminal was restored\r\n";
    if (bt_saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, bt_saved_termios());
    (void)!write(STDERR_FILENO, "\033[?1049l\033[?25h", 14);
    (void)!write(STDERR_FILENO, message, sizeof message - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void bt_install_fatal_handlers(void) {
    if (tcgetattr(STDIN_FILENO, bt_saved_termios()) == 0) bt_saved_termios_valid = 1;
    int signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = bt_on_fatal;
        sigemptyset(&sa.sa_mask);
        sigaction(signals[i], &sa, NULL);
    }
}

#endif
