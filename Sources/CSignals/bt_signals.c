#include "bt_signals.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* Written by the handler, read by the event loop: one definition for the whole program. */
static volatile sig_atomic_t pending_signal = 0;
static struct termios saved_termios;
static volatile sig_atomic_t saved_termios_valid = 0;

static void on_termination(int sig) { pending_signal = sig; }

void bt_install_termination_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_termination;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking poll() returns EINTR, so the loop sees the signal at once. */
    int signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &sa, NULL);
}

int bt_take_pending_signal(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}

/* A crash must not leave the terminal raw: restore the settings saved at start (tcsetattr and
   write are async-signal-safe), say so in one line, and die of the same signal. */
static void on_fatal(int sig) {
    static const char reset[] = "\033[?1049l\033[?25h";
    static const char message[] = "\r\nbacktriage: crashed; the terminal was restored\r\n";
    if (saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    (void)!write(STDERR_FILENO, reset, sizeof reset - 1);
    (void)!write(STDERR_FILENO, message, sizeof message - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

void bt_install_fatal_handlers(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) saved_termios_valid = 1;
    int signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal;
        sigemptyset(&sa.sa_mask);
        sigaction(signals[i], &sa, NULL);
    }
}

void bt_stop_process(void) {
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    /* ncurses may hold SIGTSTP with a handler of its own; the default action is what stops. */
    sigaction(SIGTSTP, &stop, &previous);
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

enum bt_input_state bt_wait_for_input(int fd, int milliseconds) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    int n = poll(&p, 1, milliseconds);
    if (n < 0) return errno == EINTR ? BT_INPUT_NONE : BT_INPUT_HANGUP;
    if (n == 0) return BT_INPUT_NONE;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return BT_INPUT_HANGUP;
    if (p.revents & POLLIN) {
        /* A terminal that reports input but holds no bytes is at its end: read() would give 0. */
        int available = 0;
        if (ioctl(fd, FIONREAD, &available) == 0 && available == 0) return BT_INPUT_HANGUP;
        return BT_INPUT_READY;
    }
    return BT_INPUT_NONE;
}
