#ifndef BACKTRIAGE_SIGNALS_H
#define BACKTRIAGE_SIGNALS_H

/* Signal and hang-up handling for the full-screen interface. The state behind these functions
   (the pending signal, the saved terminal settings) is defined once, in bt_signals.c: a `static`
   in a header would give every module that imports it a copy of its own, and version 1's release
   build ignored SIGTERM for exactly that reason. */

/* Makes SIGTERM, SIGHUP, SIGINT and SIGQUIT only record which signal came (the event loop asks
   with bt_take_pending_signal and shuts down in order). Call before curses starts, so that
   ncurses keeps these handlers instead of installing its own. */
void bt_install_termination_handlers(void);

/* The termination signal that arrived since the last call, or 0. */
int bt_take_pending_signal(void);

/* Saves the terminal settings of standard input and installs handlers for fatal signals
   (SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP) that restore them, say so in one line on
   standard error and die of the same signal. */
void bt_install_fatal_handlers(void);

/* Stops the process as the terminal's Ctrl-Z would (SIGTSTP with its default action, so the
   shell regains the terminal) and returns once it is continued (`fg`). In raw mode the terminal
   sends Ctrl-Z as a key instead of the signal, so the interface calls this itself. */
void bt_stop_process(void);

/* What standard input holds, waiting at most `milliseconds`. */
enum bt_input_state {
    BT_INPUT_NONE = 0,    /* nothing arrived within the wait, or a signal interrupted it */
    BT_INPUT_READY = 1,   /* bytes to read */
    BT_INPUT_HANGUP = 2   /* the terminal is gone: POLLHUP, POLLERR, POLLNVAL, or readable with no
                             bytes, where read() would return 0 (end of input) */
};
enum bt_input_state bt_wait_for_input(int fd, int milliseconds);

#endif
